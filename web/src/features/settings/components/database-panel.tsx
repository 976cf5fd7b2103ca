/**
 * The advisory database: feeds and counts, scheduled and on-demand updates (the button is for admins), and the
 * re-matching of stored SBOMs that follows every change.
 */
import type { ReactNode } from 'react';
import { type AdvisoryStatus, lastUpdated, useAdvisoryStatus } from '../../../shared/api/advisory-db.ts';
import { Card } from '../../../shared/components/card.tsx';
import { DetailsList } from '../../../shared/components/details-list.tsx';
import { ErrorAlert } from '../../../shared/components/form-fields.tsx';
import { type HeaderCell, PlainTable } from '../../../shared/components/plain-table.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { RoleGate } from '../../../shared/components/role-gate.tsx';
import { formatAge, formatDateTime, formatNumber } from '../../../shared/lib/format.ts';
import { useUpdateAdvisoryDb } from '../api/settings.ts';

/** The panel. */
export function DatabasePanel(): ReactNode {
  const status = useAdvisoryStatus();
  return (
    <QueryState query={status}>
      {(data) => (
        <div className="grid grid--2">
          <DatabaseCard status={data} />
          <RematchCard status={data} />
        </div>
      )}
    </QueryState>
  );
}

const FEED_HEADERS: readonly HeaderCell[] = [
  'Feed',
  { key: 'records', label: 'Records', className: 'num' },
  'Data from',
  { key: 'age', label: 'Age (days)', className: 'num' },
  'Imported',
];

function DatabaseCard({ status }: { status: AdvisoryStatus }): ReactNode {
  const update = useUpdateAdvisoryDb();
  const { database } = status;
  const updated = lastUpdated(status);
  const running = status.update.state === 'running';
  return (
    <Card
      titleId="db-title"
      title="Advisory database"
      actions={
        <RoleGate atLeast="admin">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => update.mutate({ download: true, force: false })}
            disabled={update.isPending || running}
          >
            {running ? 'Updating…' : 'Update now'}
          </button>
        </RoleGate>
      }
    >
      <ErrorAlert error={update.error} />
      {!database.exists ? (
        <p className="state state--info">
          No advisory database yet. Import feeds with <code>lucent db import</code> or press Update now.
        </p>
      ) : null}
      <DetailsList
        items={[
          { label: 'Updated', value: updated ? `${formatDateTime(updated)} (${formatAge(updated)} ago)` : 'never' },
          { label: 'Advisories', value: database.counts ? formatNumber(database.counts.records) : null },
          { label: 'Known exploited (KEV)', value: database.counts ? formatNumber(database.counts.kev) : null },
          { label: 'EPSS scores', value: database.counts ? formatNumber(database.counts.epss) : null },
          {
            label: 'Last update',
            value: status.update.startedAt
              ? `${formatDateTime(status.update.startedAt)} (${status.update.trigger ?? 'unknown'}): ${status.update.outcome ?? status.update.state}`
              : null,
          },
          {
            label: 'Next scheduled update',
            value: status.update.nextRunAt ? formatDateTime(status.update.nextRunAt) : 'none scheduled',
          },
        ]}
      />
      {status.update.message ? <pre className="pre">{status.update.message}</pre> : null}
      {database.feeds.length > 0 ? (
        <PlainTable caption="Feeds" testId="feeds" compact headers={FEED_HEADERS}>
          {database.feeds.map((feed) => (
            <tr key={`${feed.feed}|${feed.source}`}>
              <td title={feed.source}>{feed.feed}</td>
              <td className="num">{formatNumber(feed.records)}</td>
              <td>{feed.feedTimestamp ? formatDateTime(feed.feedTimestamp) : '–'}</td>
              <td className="num">{formatNumber(feed.ageDays)}</td>
              <td>{formatDateTime(feed.importedAt)}</td>
            </tr>
          ))}
        </PlainTable>
      ) : null}
    </Card>
  );
}

function RematchCard({ status }: { status: AdvisoryStatus }): ReactNode {
  const run = status.rematch.run;
  const finished = run ? run.done + run.skipped + run.failed : 0;
  return (
    <Card titleId="rematch-title" title="Re-matching">
      <p className="muted">After each database change every stored SBOM is matched again; no image is read again.</p>
      <p data-testid="rematch-state">
        <strong>{status.rematch.upToDate ? 'Up to date' : run && run.status !== 'done' ? 'Running' : 'Pending'}</strong>
        {` · queue: ${formatNumber(status.queue.depth)} job${status.queue.depth === 1 ? '' : 's'} (${status.queue.engine})`}
      </p>
      {run ? (
        <>
          <DetailsList
            items={[
              { label: 'Started', value: `${formatDateTime(run.startedAt)} (${run.trigger})` },
              { label: 'Finished', value: run.finishedAt ? formatDateTime(run.finishedAt) : null },
              {
                label: 'Resources',
                value: `${formatNumber(finished)} of ${formatNumber(run.total)}${run.failed ? `, ${formatNumber(run.failed)} failed` : ''}${run.skipped ? `, ${formatNumber(run.skipped)} skipped` : ''}`,
              },
              { label: 'Findings', value: `${formatNumber(run.added)} new, ${formatNumber(run.removed)} gone` },
            ]}
          />
          {run.status !== 'done' && run.total > 0 ? (
            <div
              className="progress"
              role="progressbar"
              aria-label="Re-matching progress"
              aria-valuemin={0}
              aria-valuemax={run.total}
              aria-valuenow={finished}
            >
              <span className="progress__fill" style={{ width: `${(finished / run.total) * 100}%` }} />
            </div>
          ) : null}
        </>
      ) : (
        <p className="muted">No re-match has run yet.</p>
      )}
    </Card>
  );
}
