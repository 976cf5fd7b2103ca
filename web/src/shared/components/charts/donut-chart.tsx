/**
 * A donut chart with a clickable legend. Hand-written SVG rather than a chart library: the dashboard needs three
 * simple chart types, a library would add 50–100 KB gzipped to the bundle, and owning the markup keeps every slice
 * reachable by keyboard and described for screen readers.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { arcPath, type NamedCount, sliceAngles } from '../../lib/chart-math.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';

/** Props of DonutChart. */
export interface DonutChartProps {
  title: string;
  items: readonly NamedCount[];
  /** The link each legend entry and slice opens. */
  linkFor: (item: NamedCount) => string;
  /** Centre caption under the total ("packages"). */
  unit: string;
}

/** Categorical palette (CSS custom properties, tuned per theme for contrast). */
const PALETTE = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-6)',
];

/** The donut and its legend; the legend is the accessible way in (links with names and counts). */
export function DonutChart({ title, items, linkFor, unit }: DonutChartProps): ReactNode {
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const angles = sliceAngles(items.map((item) => item.count));
  const color = (index: number, item: NamedCount) =>
    item.others ? 'var(--chart-others)' : PALETTE[index % PALETTE.length];
  return (
    <figure className="donut">
      <svg viewBox="0 0 120 120" className="donut__svg" role="img" aria-label={`${title}: ${describe(items, total)}`}>
        {total === 0 ? <circle cx="60" cy="60" r="46" className="donut__empty" /> : null}
        {items.map((item, index) => {
          const angle = angles[index];
          if (!angle || item.count === 0) return null;
          return (
            <Link key={item.name} to={linkFor(item)} tabIndex={-1} aria-hidden="true">
              <path
                d={arcPath(60, 60, 56, 36, angle.start, angle.end)}
                fill={color(index, item)}
                className="donut__slice"
              >
                <title>{`${item.name}: ${formatNumber(item.count)}`}</title>
              </path>
            </Link>
          );
        })}
        <text x="60" y="58" textAnchor="middle" className="donut__total">
          {formatNumber(total)}
        </text>
        <text x="60" y="73" textAnchor="middle" className="donut__unit">
          {unit}
        </text>
      </svg>
      <figcaption className="sr-only">{title}</figcaption>
      <ul className="legend">
        {items.map((item, index) => (
          <li key={item.name}>
            <Link to={linkFor(item)} className="legend__item" data-legend={item.name}>
              <span className="legend__swatch" style={{ background: color(index, item) }} aria-hidden="true" />
              <span className="legend__name">{item.name}</span>
              <span className="legend__count">
                {formatNumber(item.count)}
                <span className="muted"> ({formatPercent(total ? item.count / total : 0, 0)})</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function describe(items: readonly NamedCount[], total: number): string {
  if (total === 0) return 'no data';
  return items.map((item) => `${item.name} ${item.count}`).join(', ');
}
