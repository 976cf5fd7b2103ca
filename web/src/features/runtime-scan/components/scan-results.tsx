/** Results of the last scan: severity totals and buttons that open each list limited to that scan. */
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { SeverityTags } from '../../../shared/components/severity-tags.tsx';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { SEVERITIES, severityLabel } from '../../../shared/lib/severity.ts';
import { useScanResults } from '../api/runtime-scan.ts';

/** The results card; `minimum` narrows every link to findings at or above a severity. */
export function ScanResultsCard({ endTime }: { endTime: string | null | undefined }): ReactNode {
  const query = useScanResults(true, endTime);
  const [minimum, setMinimum] = useState('');
  const scoped = (build: (params: Record<string, string>) => string) =>
    build({ currentRuntimeScan: 'true', ...(minimum ? { 'vulnerabilitySeverity[gte]': minimum } : {}) });
  return (
    <section className="card" aria-labelledby="results-title">
      <div className="card__head">
        <h2 id="results-title">Results</h2>
        <label className="field--inline">
          At least{' '}
          <select value={minimum} onChange={(event) => setMinimum(event.target.value)}>
            <option value="">any severity</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severityLabel(severity)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={query}>
        {(results) => (
          <>
            <p>
              <SeverityTags counts={results.vulnerabilityPerSeverity} showZero />
            </p>
            <div className="grid grid--4" data-testid="scan-results">
              <Link className="counter counter--link" to={scoped(routes.applications)}>
                <span className="counter__value">{formatNumber(results.counters.applications)}</span>
                <span className="counter__label">Applications</span>
              </Link>
              <Link className="counter counter--link" to={scoped(routes.resources)}>
                <span className="counter__value">{formatNumber(results.counters.resources)}</span>
                <span className="counter__label">Resources</span>
              </Link>
              <Link className="counter counter--link" to={scoped(routes.packages)}>
                <span className="counter__value">{formatNumber(results.counters.packages)}</span>
                <span className="counter__label">Packages</span>
              </Link>
              <Link className="counter counter--link" to={scoped(routes.vulnerabilities)}>
                <span className="counter__value">{formatNumber(results.counters.vulnerabilities)}</span>
                <span className="counter__label">Vulnerabilities</span>
              </Link>
            </div>
            {results.failures.length > 0 ? (
              <details className="failures">
                <summary>{results.failures.length} failure(s)</summary>
                <ul>
                  {results.failures.map((failure) => (
                    <li key={failure.message}>{failure.message}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
