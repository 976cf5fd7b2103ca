/** CVSS in depth: per version, the score bars (base, exploitability, impact) and the vector broken into metrics. */
import type { ReactNode } from 'react';
import { ScoreBar } from '../../../shared/components/charts/score-bar.tsx';
import { SeverityBadge } from '../../../shared/components/severity-tags.tsx';
import { severityColor } from '../../../shared/lib/severity.ts';
import type { CvssScores } from '../api/vulnerabilities.ts';
import { parseVector, scoreRating } from './cvss-vector.ts';

/** One block per CVSS version the finding has. */
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
            {entry.exploitabilityScore !== undefined ? (
              <ScoreBar
                label="Exploitability"
                value={entry.exploitabilityScore}
                max={entry.version.startsWith('3') ? 3.9 : 10}
              />
            ) : null}
            {entry.impactScore !== undefined ? (
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
