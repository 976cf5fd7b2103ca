/** Counter tiles for the advisory database: the KEV count and the database's age (stale after a day is a warning). */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAdvisoryDbStatus } from '../../../shared/api/advisory-db.ts';
import { CounterTile } from '../../../shared/components/counter-tile.tsx';
import { formatAge, formatDateTime } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';

const STALE_MS = 2 * 86_400_000;

/** Two tiles; the age tile links to the settings page where an admin can update the database. */
export function AdvisoryDbTiles(): ReactNode {
  const query = useAdvisoryDbStatus();
  const status = query.data;
  const updated = status?.updatedAt ? Date.parse(status.updatedAt) : null;
  const stale = updated !== null && Date.now() - updated > STALE_MS;
  return (
    <>
      <CounterTile label="Known exploited (KEV)" value={status?.kevCount ?? null} testId="counter-kev" />
      <Link to={routes.settings('database')} className={`counter counter--link${stale ? ' counter--warn' : ''}`}>
        <span className="counter__value counter__value--text" data-testid="db-age">
          {query.error ? 'unavailable' : status ? (updated === null ? 'none' : formatAge(updated)) : '…'}
        </span>
        <span className="counter__label">Advisory database age</span>
        <span className="counter__hint">
          {status?.updatedAt ? `updated ${formatDateTime(status.updatedAt)}` : 'no database imported'}
          {stale ? ' · stale' : ''}
        </span>
      </Link>
    </>
  );
}
