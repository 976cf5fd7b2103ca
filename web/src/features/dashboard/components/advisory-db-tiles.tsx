/** Counter tiles for the advisory database: the KEV count and how long ago it was updated (stale after two days). */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { lastUpdated, oldestFeedDays, useAdvisoryStatus } from '../../../shared/api/advisory-db.ts';
import { CounterTile } from '../../../shared/components/counter-tile.tsx';
import { formatAge } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';

const STALE_MS = 2 * 86_400_000;

/** Two tiles; the age tile links to the settings page where an admin can update the database. */
export function AdvisoryDbTiles(): ReactNode {
  const query = useAdvisoryStatus();
  const status = query.data;
  const updated = lastUpdated(status);
  const stale = updated !== null && Date.now() - Date.parse(updated) > STALE_MS;
  const oldest = oldestFeedDays(status);
  let age = '…';
  if (query.error) age = 'unavailable';
  else if (status) age = status.database.exists && updated ? formatAge(updated) : 'none';
  return (
    <>
      <CounterTile
        label="Known exploited (KEV)"
        value={status ? (status.database.counts?.kev ?? 0) : null}
        hint="entries in CISA's catalog"
        testId="counter-kev"
      />
      <Link to={routes.settings('database')} className={`counter counter--link${stale ? ' counter--warn' : ''}`}>
        <span className="counter__value counter__value--text" data-testid="db-age">
          {age}
        </span>
        <span className="counter__label">Advisory database age</span>
        <span className="counter__hint">
          {status && !status.database.exists ? 'no database imported' : null}
          {oldest !== null ? `oldest feed data: ${oldest} day${oldest === 1 ? '' : 's'}` : null}
          {stale ? ' · update due' : ''}
        </span>
      </Link>
    </>
  );
}
