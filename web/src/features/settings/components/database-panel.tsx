/** The advisory database: age, feeds and counts, the update button (admins), and re-matching progress. */
import type { ReactNode } from 'react';
import { useAdvisoryDbStatus } from '../../../shared/api/advisory-db.ts';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { DetailsList } from '../../../shared/components/details-list.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { RoleGate } from '../../../shared/components/role-gate.tsx';
import { formatAge, formatDateTime, formatNumber } from '../../../shared/lib/format.ts';
import { useRematchStatus, useUpdateAdvisoryDb } from '../api/settings.ts';

/** The panel. */
export function DatabasePanel(): ReactNode {
  const status = useAdvisoryDbStatus();
  const rematch = useRematchStatus();
  const update = useUpdateAdvisoryDb();
  return (
    <div className="grid grid--2">
      <section className="card" aria-labelledby="db-title">
        <div className="card__head">
          <h2 id="db-title">Advisory database</h2>
          <RoleGate atLeast="admin">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => update.mutate()}
              disabled={update.isPending}
            >
              {update.isPending ? 'Starting update…' : 'Update now'}
            </button>
          </RoleGate>
        </div>
        {update.error ? (
          <p role="alert" className="state state--error">
            {errorMessage(update.error)}
          </p>
        ) : null}
        {update.isSuccess ? (
          <p role="status" className="state state--ok">
            Update started. Stored SBOMs are re-matched when it finishes.
          </p>
        ) : null}
        <QueryState query={status}>
          {(db) => (
            <>
              <DetailsList
                items={[
                  {
                    label: 'Updated',
                    value: db.updatedAt ? `${formatDateTime(db.updatedAt)} (${formatAge(db.updatedAt)} ago)` : 'never',
                  },
                  { label: 'Advisories', value: formatNumber(db.advisories) },
                  { label: 'Known exploited (KEV)', value: formatNumber(db.kevCount) },
                ]}
              />
              {db.feeds.length > 0 ? (
                <div className="table-wrap">
                  <table className="data-table data-table--compact">
                    <caption className="sr-only">Feeds</caption>
                    <thead>
                      <tr>
                        <th scope="col">Feed</th>
                        <th scope="col" className="num">
                          Records
                        </th>
                        <th scope="col">Updated</th>
                      </tr>
                    </thead>
                    <tbody>
                      {db.feeds.map((feed) => (
                        <tr key={feed.name}>
                          <td>{feed.name}</td>
                          <td className="num">{formatNumber(feed.records)}</td>
                          <td>{feed.updatedAt ? formatDateTime(feed.updatedAt) : '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </>
          )}
        </QueryState>
      </section>
      <section className="card" aria-labelledby="rematch-title">
        <h2 id="rematch-title">Re-matching</h2>
        <p className="muted">After each database update, every stored SBOM is matched again; no image is read again.</p>
        <QueryState query={rematch}>
          {(run) => {
            const finished = run.done + run.skipped + run.failed;
            return (
              <>
                <DetailsList
                  items={[
                    { label: 'State', value: <span data-testid="rematch-state">{run.status}</span> },
                    { label: 'Database version', value: run.databaseVersion },
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
            );
          }}
        </QueryState>
      </section>
    </div>
  );
}
