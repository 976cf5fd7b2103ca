/** The resources a vulnerable package version sits in, each with its own finding: severity, fixes, scanners, evidence. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PlainTable } from '../../../shared/components/plain-table.tsx';
import { SeverityBadge } from '../../../shared/components/severity-tags.tsx';
import { formatDateTime, shortHash } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import type { ResourceFinding } from '../api/vulnerabilities.ts';
import { readEvidence } from './evidence.ts';

const AFFECTED_HEADERS = ['Resource', 'Hash', 'Severity', 'Fixed in', 'Scanners', 'Source', 'First seen'] as const;
const EVIDENCE_HEADERS = [
  'Advisory record',
  'Affected range',
  'Installed (compared)',
  'Matcher',
  'Resource',
  'Found at',
] as const;

/** Affected resources as a table. */
export function AffectedResources({ findings }: { findings: readonly ResourceFinding[] }): ReactNode {
  if (findings.length === 0) return <p className="muted">No resource holds this package version any more.</p>;
  return (
    <PlainTable caption="Affected resources" testId="affected" headers={AFFECTED_HEADERS}>
      {findings.map((finding) => (
        <tr key={finding.resourceID}>
          <td>
            <Link to={routes.resource(finding.resourceID)}>{finding.resourceName}</Link>
          </td>
          <td>
            <code title={finding.resourceHash}>{shortHash(finding.resourceHash)}</code>
          </td>
          <td>
            <SeverityBadge severity={finding.severity} />
            {finding.severitySource ? (
              <span className="muted">
                {' '}
                {finding.severitySource}
                {finding.severityScore !== null ? ` ${finding.severityScore.toFixed(1)}` : ''}
              </span>
            ) : null}
          </td>
          <td>
            {finding.fixedVersions.length ? finding.fixedVersions.join(', ') : <span className="muted">none</span>}
          </td>
          <td>{finding.scanners.join(', ')}</td>
          <td>{finding.source}</td>
          <td>{formatDateTime(finding.firstSeen)}</td>
        </tr>
      ))}
    </PlainTable>
  );
}

/** The matcher's evidence, per resource: the advisory record, the affected range, the comparison. */
export function EvidenceList({ findings }: { findings: readonly ResourceFinding[] }): ReactNode {
  const rows = findings.flatMap((finding) =>
    readEvidence(finding.evidence).map((evidence) => ({
      resource: finding.resourceName,
      id: finding.resourceID,
      ...evidence,
    })),
  );
  if (rows.length === 0)
    return <p className="muted">The scanner reported no match details (an external scanner's finding).</p>;
  return (
    <PlainTable caption="Evidence" testId="evidence" headers={EVIDENCE_HEADERS}>
      {rows.map((row) => (
        <tr key={`${row.id}|${row.record}|${row.range}|${row.location}`}>
          <td>
            <code>{row.record || '–'}</code>
          </td>
          <td>{row.range}</td>
          <td>
            <code>{row.comparedVersion || '–'}</code>
          </td>
          <td>{row.matcher || '–'}</td>
          <td>{row.resource}</td>
          <td>{row.location ? <code>{row.location}</code> : '–'}</td>
        </tr>
      ))}
    </PlainTable>
  );
}
