/** "Fixable vulnerabilities": totals, then a with-fix/total bar per severity that opens the filtered list. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../shared/components/card.tsx';
import { FixBars } from '../../../shared/components/charts/fix-bars.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { SEVERITIES } from '../../../shared/lib/severity.ts';
import { useVulnerabilitiesWithFix } from '../api/dashboard.ts';

/** The card. */
export function FixableCard(): ReactNode {
  const query = useVulnerabilitiesWithFix();
  return (
    <Card titleId="fixable-title" title="Fixable vulnerabilities" actions={null}>
      <QueryState query={query}>
        {(rows) => {
          const by = new Map(rows.map((row) => [row.severity, row]));
          const bars = SEVERITIES.map((severity) => ({
            severity,
            withFix: by.get(severity)?.countWithFix ?? 0,
            total: by.get(severity)?.countTotal ?? 0,
          }));
          const withFix = bars.reduce((sum, bar) => sum + bar.withFix, 0);
          const total = bars.reduce((sum, bar) => sum + bar.total, 0);
          return (
            <>
              <p className="fixable__totals">
                <Link to={routes.vulnerabilities({ 'hasFixVersion[is]': 'true' })} className="fixable__total">
                  <strong data-testid="fixable-with-fix">{formatNumber(withFix)}</strong> with a fix
                </Link>{' '}
                of{' '}
                <Link to={routes.vulnerabilities()} className="fixable__total">
                  <strong data-testid="fixable-total">{formatNumber(total)}</strong> vulnerabilities
                </Link>
              </p>
              <FixBars
                bars={bars}
                linkFor={(severity) =>
                  routes.vulnerabilities({ 'vulnerabilitySeverity[is]': severity, 'hasFixVersion[is]': 'true' })
                }
              />
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
