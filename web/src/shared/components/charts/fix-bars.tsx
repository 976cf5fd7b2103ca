/** Horizontal with-fix/total bars per severity (hand-written SVG-free CSS bars; see donut-chart.tsx for why). */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { severityColor, severityLabel } from '../../lib/severity.ts';

/** One severity's fixable and total counts. */
export interface FixBar {
  severity: string;
  withFix: number;
  total: number;
}

/** Props of FixBars. */
export interface FixBarsProps {
  bars: readonly FixBar[];
  /** Where a bar leads (the vulnerabilities list filtered to this severity, with a fix). */
  linkFor: (severity: string) => string;
}

/** One link per severity: a track for the total and a filled part for the fixable share. */
export function FixBars({ bars, linkFor }: FixBarsProps): ReactNode {
  const max = Math.max(1, ...bars.map((bar) => bar.total));
  return (
    <ul className="fix-bars">
      {bars.map((bar) => (
        <li key={bar.severity}>
          <Link
            to={linkFor(bar.severity)}
            className="fix-bars__row"
            data-severity={bar.severity}
            aria-label={`${severityLabel(bar.severity)}: ${bar.withFix} of ${bar.total} have a fix`}
          >
            <span className="fix-bars__label">{severityLabel(bar.severity)}</span>
            <span className="fix-bars__track" style={{ width: `${(bar.total / max) * 100}%` }} aria-hidden="true">
              <span
                className="fix-bars__fill"
                style={{
                  width: bar.total ? `${(bar.withFix / bar.total) * 100}%` : '0%',
                  background: severityColor(bar.severity),
                }}
              />
            </span>
            <span className="fix-bars__value">
              <span data-testid={`fix-${bar.severity}`}>{formatNumber(bar.withFix)}</span>
              <span className="muted"> / </span>
              <span data-testid={`total-${bar.severity}`}>{formatNumber(bar.total)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
