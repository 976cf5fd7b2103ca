/** "New vulnerabilities": a line per severity over the last hour, day, week or month, or a custom range (in the URL). */
import { type ReactNode, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '../../../shared/components/card.tsx';
import { LineChart } from '../../../shared/components/charts/line-chart.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useInView } from '../../../shared/hooks/use-in-view.ts';
import { SEVERITIES, severityColor, severityLabel } from '../../../shared/lib/severity.ts';
import { useTrends } from '../api/dashboard.ts';
import {
  axisFormatter,
  isTrendRange,
  rangeLabel,
  TREND_RANGES,
  type TrendRange,
  toLocalInput,
  trendWindow,
} from './trend-range.ts';

/** The card. */
export function TrendsCard(): ReactNode {
  const [search, setSearch] = useSearchParams();
  const rangeParam = search.get('trend');
  const range: TrendRange = isTrendRange(rangeParam) ? rangeParam : 'day';
  const from = search.get('from');
  const to = search.get('to');
  // Rounded to the minute inside trendWindow, so the query key is stable between renders.
  const window = useMemo(() => trendWindow(range, Date.now(), { from, to }), [range, from, to]);
  // The chart sits below the fold: its query (the costliest of the dashboard) waits until the card is near view, so
  // the cards above it get the server first.
  const [ref, inView] = useInView<HTMLElement>();
  const query = useTrends(inView ? (window?.startTime ?? '') : '', window?.endTime ?? '');
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next, { replace: true });
  };
  const pick = (next: TrendRange) => {
    if (next !== 'custom') return update({ trend: next === 'day' ? null : next, from: null, to: null });
    const now = Date.now();
    update({ trend: 'custom', from: from ?? toLocalInput(now - 7 * 86_400_000), to: to ?? toLocalInput(now) });
  };
  const span = window ? Date.parse(window.endTime) - Date.parse(window.startTime) : 86_400_000;

  return (
    <Card
      titleId="trends-title"
      title="New vulnerabilities"
      actions={
        <div className="toolbar">
          <fieldset className="segmented" aria-label="Time range">
            {TREND_RANGES.map((candidate) => (
              <button key={candidate} type="button" aria-pressed={candidate === range} onClick={() => pick(candidate)}>
                {rangeLabel(candidate)}
              </button>
            ))}
          </fieldset>
        </div>
      }
      ref={ref}
    >
      {range === 'custom' ? (
        <div className="toolbar trends__custom">
          <label className="field--inline">
            From{' '}
            <input
              type="datetime-local"
              value={from ?? ''}
              onChange={(event) => update({ from: event.target.value })}
            />
          </label>
          <label className="field--inline">
            To <input type="datetime-local" value={to ?? ''} onChange={(event) => update({ to: event.target.value })} />
          </label>
          {!window ? <span className="state--error">The start must be before the end.</span> : null}
        </div>
      ) : null}
      {window ? (
        <QueryState query={query}>
          {(points) => (
            <LineChart
              title={`New vulnerabilities per severity, ${rangeLabel(range).toLowerCase()}`}
              formatTime={axisFormatter(span)}
              series={SEVERITIES.map((severity) => ({
                id: severity,
                label: severityLabel(severity),
                color: severityColor(severity),
              }))}
              points={points.map((point) => ({
                time: Date.parse(point.time),
                values: Object.fromEntries(point.numOfVuls.map((entry) => [entry.severity, entry.count])),
              }))}
            />
          )}
        </QueryState>
      ) : null}
    </Card>
  );
}
