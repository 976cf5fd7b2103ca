/** Severity shown as coloured tags with counts ("2 Critical · 5 High"), or a single severity badge. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ScopeKey } from '../lib/list-query.ts';
import { routes } from '../lib/routes.ts';
import { normalizeCounts, type SeverityCount, severityLabel, totalCount } from '../lib/severity.ts';

/** Props of SeverityTags. */
export interface SeverityTagsProps {
  counts: readonly SeverityCount[] | null | undefined;
  /** Link of one severity's tag (for example the vulnerabilities list scoped to this row and severity). */
  linkFor?: (severity: string) => string;
  /** Show zero counts too (detail headers); lists show only non-zero tags. */
  showZero?: boolean;
}

/** Coloured tags for non-zero severities, highest first; "None" when there are no findings. */
export function SeverityTags({ counts, linkFor, showZero = false }: SeverityTagsProps): ReactNode {
  const list = normalizeCounts(counts).filter((entry) => showZero || entry.count > 0);
  if (totalCount(list) === 0 && !showZero) return <span className="muted">None</span>;
  return (
    <span className="sev-tags">
      {list.map(({ severity, count }) => {
        const label = `${count} ${severityLabel(severity)}`;
        const body = (
          <>
            <span className="sev-tag__count">{count}</span>
            <span className="sev-tag__name">{severityLabel(severity)}</span>
          </>
        );
        return linkFor && count > 0 ? (
          <Link key={severity} to={linkFor(severity)} className={`sev-tag sev-${severity.toLowerCase()}`} title={label}>
            {body}
          </Link>
        ) : (
          <span key={severity} className={`sev-tag sev-${severity.toLowerCase()}`} title={label}>
            {body}
          </span>
        );
      })}
    </span>
  );
}

/** A single severity as a coloured badge. */
export function SeverityBadge({ severity }: { severity: string | null | undefined }): ReactNode {
  if (!severity) return <span className="muted">–</span>;
  return <span className={`sev-badge sev-${severity.toLowerCase()}`}>{severityLabel(severity)}</span>;
}

/** Severity tags of one application, resource or package, each linking to its vulnerabilities of that severity. */
export function ScopedSeverityTags(props: {
  counts: readonly SeverityCount[] | null | undefined;
  scope: { key: ScopeKey; value: string };
}): ReactNode {
  const { counts, scope } = props;
  return (
    <SeverityTags
      counts={counts}
      linkFor={(severity) =>
        routes.vulnerabilities({ [scope.key]: scope.value, 'vulnerabilitySeverity[is]': severity })
      }
    />
  );
}
