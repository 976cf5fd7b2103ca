/** Results of the last scan: severity totals, CIS levels, and buttons that open each list limited to that scan. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../shared/components/card.tsx';
import { SeverityTags } from '../../../shared/components/severity-tags.tsx';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { SEVERITIES, severityLabel } from '../../../shared/lib/severity.ts';
import type { ScanResults } from '../api/runtime-scan.ts';

/** Props of ScanResultsCard. */
export interface ScanResultsCardProps {
  results: ScanResults;
  /** Lowest severity counted and linked ('' for every finding). */
  minimum: string;
  onMinimum: (minimum: string) => void;
}

/** The results card. */
export function ScanResultsCard({ results, minimum, onMinimum }: ScanResultsCardProps): ReactNode {
  const scoped = (build: (params: Record<string, string>) => string) =>
    build({ currentRuntimeScan: 'true', ...(minimum ? { 'vulnerabilitySeverity[gte]': minimum } : {}) });
  const tiles = [
    { label: 'Applications', value: results.counters.applications, to: scoped(routes.applications) },
    { label: 'Resources', value: results.counters.resources, to: scoped(routes.resources) },
    { label: 'Packages', value: results.counters.packages, to: scoped(routes.packages) },
    { label: 'Vulnerabilities', value: results.counters.vulnerabilities, to: scoped(routes.vulnerabilities) },
  ];
  return (
    <Card
      titleId="results-title"
      title="Results"
      actions={
        <label className="field--inline">
          Severity at least{' '}
          <select value={minimum} onChange={(event) => onMinimum(event.target.value)}>
            <option value="">any</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severityLabel(severity)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <p>
        <SeverityTags counts={results.vulnerabilityPerSeverity} showZero />
      </p>
      <div className="grid grid--4" data-testid="scan-results">
        {tiles.map((tile) => (
          <Link key={tile.label} className="counter counter--link" to={tile.to} data-result={tile.label.toLowerCase()}>
            <span className="counter__value">{formatNumber(tile.value)}</span>
            <span className="counter__label">{tile.label}</span>
          </Link>
        ))}
      </div>
      {results.cisDockerBenchmarkScanEnabled ? (
        <p className="cis-summary">
          CIS Docker Benchmark:{' '}
          {results.cisDockerBenchmarkCountPerLevel.map((entry) => (
            <span key={entry.level} className={`cis-level cis-level--${entry.level.toLowerCase()}`}>
              {`${entry.count} ${entry.level} `}
            </span>
          ))}
        </p>
      ) : null}
    </Card>
  );
}
