/** CVSS in depth: per version, the score bars (base, exploitability, impact) and the vector broken into metrics. */
import type { ReactNode } from 'react';
import { ScoreBar } from '../../../shared/components/charts/score-bar.tsx';
import { SeverityBadge } from '../../../shared/components/severity-tags.tsx';
import { severityColor } from '../../../shared/lib/severity.ts';
import type { VulnerabilityDetail } from '../api/vulnerabilities.ts';
import { parseVector, scoreRating, vectorVersion } from './cvss-vector.ts';

/** CVSS scores and the vector of one version. */
export interface CvssScores {
  version: string;
  vector: string;
  baseScore: number | null;
  exploitabilityScore?: number | null;
  impactScore?: number | null;
  severity?: string | null;
}

/** The CVSS versions a finding has, newest first (v4.0, then v3.x). */
export function cvssEntries(detail: Pick<VulnerabilityDetail, 'cvss' | 'cvssV4'>): CvssScores[] {
  const entries: CvssScores[] = [];
  if (detail.cvssV4) {
    entries.push({
      version: vectorVersion(detail.cvssV4.vector) ?? '4.0',
      vector: detail.cvssV4.vector,
      baseScore: detail.cvssV4.baseScore,
      severity: detail.cvssV4.severity,
    });
  }
  if (detail.cvss) {
    const vector = detail.cvss.cvssV3Vector.vector;
    entries.push({
      version: vectorVersion(vector) ?? '3.1',
      vector,
      baseScore: detail.cvss.cvssV3Metrics.baseScore,
      exploitabilityScore: detail.cvss.cvssV3Metrics.exploitabilityScore,
      impactScore: detail.cvss.cvssV3Metrics.impactScore,
      severity: detail.cvss.cvssV3Metrics.severity,
    });
  }
  return entries;
}

/** One block per CVSS version the finding has (exploitability is at most 3.9 and impact 6.1 in CVSS 3.x). */
export function CvssPanel({ cvss }: { cvss: readonly CvssScores[] }): ReactNode {
  if (cvss.length === 0) return <p className="muted">No CVSS vector was published for this vulnerability.</p>;
  return (
    <div className="grid grid--2">
      {cvss.map((entry) => {
        const rating = entry.severity ?? scoreRating(entry.baseScore);
        const metrics = parseVector(entry.vector);
        return (
          <section key={entry.vector} className="card cvss" aria-label={`CVSS ${entry.version}`}>
            <div className="card__head">
              <h3>CVSS {entry.version}</h3>
              <SeverityBadge severity={rating} />
            </div>
            <ScoreBar label="Base score" value={entry.baseScore} max={10} color={severityColor(rating)} />
            {entry.exploitabilityScore !== undefined && entry.exploitabilityScore !== null ? (
              <ScoreBar
                label="Exploitability"
                value={entry.exploitabilityScore}
                max={entry.version.startsWith('3') ? 3.9 : 10}
              />
            ) : null}
            {entry.impactScore !== undefined && entry.impactScore !== null ? (
              <ScoreBar label="Impact" value={entry.impactScore} max={entry.version.startsWith('3') ? 6.1 : 10} />
            ) : null}
            <p>
              <code className="pre" data-testid="cvss-vector">
                {entry.vector}
              </code>
            </p>
            {metrics.length > 0 ? (
              <table className="data-table data-table--compact">
                <caption className="sr-only">Vector metrics, CVSS {entry.version}</caption>
                <tbody>
                  {metrics.map((metric) => (
                    <tr key={metric.key}>
                      <th scope="row">
                        {metric.name} <span className="muted">({metric.key})</span>
                      </th>
                      <td>
                        <span className={`metric metric--${metric.valueName.toLowerCase().replace(/\s+/g, '-')}`}>
                          {metric.valueName}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
