/**
 * A multi-series line chart over time in hand-written SVG (see donut-chart.tsx for why no chart library). A range
 * input under the chart moves a cursor across the points (arrow keys, Home/End) and the values under it are
 * announced; pointing at the chart does the same; the data is also available as a table.
 */
import { type ReactNode, useId, useState } from 'react';
import { niceScale } from '../../lib/chart-math.ts';
import { formatNumber } from '../../lib/format.ts';

/** One series (a line): id, legend label and colour. */
export interface LineSeries {
  id: string;
  label: string;
  color: string;
}

/** One x position: a time (ms since epoch) and a value per series id. */
export interface LinePoint {
  time: number;
  values: Record<string, number>;
}

/** Props of LineChart. */
export interface LineChartProps {
  title: string;
  series: readonly LineSeries[];
  points: readonly LinePoint[];
  /** Formats an x-axis time ("14:00", "Mar 3"). */
  formatTime: (time: number) => string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/** The chart, a legend and a collapsible data table. */
export function LineChart({ title, series, points, formatTime }: LineChartProps): ReactNode {
  const id = useId();
  const [cursor, setCursor] = useState<number | null>(null);
  const max = Math.max(0, ...points.flatMap((point) => series.map((line) => point.values[line.id] ?? 0)));
  const { top, step } = niceScale(max);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? first + 1;
  const x = (time: number) => PAD.left + (last === first ? innerW / 2 : ((time - first) / (last - first)) * innerW);
  const y = (value: number) => PAD.top + innerH - (value / top) * innerH;
  const yTicks = Array.from({ length: Math.floor(top / step) + 1 }, (_, index) => index * step);
  const xTickCount = Math.min(6, points.length);
  const xTicks =
    xTickCount <= 1
      ? points.slice(0, 1)
      : Array.from(
          { length: xTickCount },
          (_, index) => points[Math.round((index * (points.length - 1)) / (xTickCount - 1))],
        ).filter((point): point is LinePoint => point !== undefined);
  const active = cursor === null ? undefined : points[cursor];

  const readout = active
    ? `${formatTime(active.time)}: ${series.map((line) => `${line.label} ${formatNumber(active.values[line.id] ?? 0)}`).join(', ')}`
    : '';

  const onPointer = (clientX: number, element: SVGSVGElement) => {
    if (points.length === 0) return;
    const box = element.getBoundingClientRect();
    const svgX = ((clientX - box.left) / box.width) * WIDTH;
    let best = 0;
    for (let index = 1; index < points.length; index++) {
      if (Math.abs(x((points[index] as LinePoint).time) - svgX) < Math.abs(x((points[best] as LinePoint).time) - svgX))
        best = index;
    }
    setCursor(best);
  };

  return (
    <figure className="line-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="line-chart__svg"
        role="img"
        aria-label={title}
        onPointerMove={(event) => onPointer(event.clientX, event.currentTarget)}
        onPointerLeave={() => setCursor(null)}
      >
        {yTicks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="line-chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="line-chart__tick">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((point, index) => (
          <text
            key={point.time}
            x={x(point.time)}
            y={HEIGHT - 8}
            textAnchor={index === 0 ? 'start' : index === xTicks.length - 1 ? 'end' : 'middle'}
            className="line-chart__tick"
          >
            {formatTime(point.time)}
          </text>
        ))}
        {series.map((line) => (
          <polyline
            key={line.id}
            fill="none"
            stroke={line.color}
            strokeWidth="2"
            strokeLinejoin="round"
            points={points.map((point) => `${x(point.time)},${y(point.values[line.id] ?? 0)}`).join(' ')}
            data-series={line.id}
          />
        ))}
        {active ? (
          <g>
            <line
              x1={x(active.time)}
              x2={x(active.time)}
              y1={PAD.top}
              y2={PAD.top + innerH}
              className="line-chart__cursor"
            />
            {series.map((line) => (
              <circle key={line.id} cx={x(active.time)} cy={y(active.values[line.id] ?? 0)} r="3.5" fill={line.color} />
            ))}
          </g>
        ) : null}
      </svg>
      <figcaption>
        <ul className="legend legend--inline">
          {series.map((line) => (
            <li key={line.id} className="legend__item">
              <span className="legend__swatch" style={{ background: line.color }} aria-hidden="true" />
              {line.label}
            </li>
          ))}
        </ul>
        {points.length > 1 ? (
          <label className="line-chart__scrub">
            <span>Read values at</span>
            <input
              type="range"
              min={0}
              max={points.length - 1}
              step={1}
              value={cursor ?? points.length - 1}
              aria-valuetext={readout || undefined}
              onChange={(event) => setCursor(Number(event.target.value))}
              onFocus={() => setCursor(cursor ?? points.length - 1)}
            />
          </label>
        ) : null}
        <p id={`${id}-readout`} className="line-chart__readout" aria-live="polite">
          {readout || '\u00a0'}
        </p>
      </figcaption>
      <details className="line-chart__data">
        <summary>Show data</summary>
        <div className="table-wrap">
          <table className="data-table data-table--compact">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                {series.map((line) => (
                  <th key={line.id} scope="col" className="num">
                    {line.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.time}>
                  <th scope="row">{formatTime(point.time)}</th>
                  {series.map((line) => (
                    <td key={line.id} className="num">
                      {formatNumber(point.values[line.id] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
