/** Loading, error and empty states shared by every page. */
import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error.ts';

/** A polite loading line. */
export function Loading({ label = 'Loading…' }: { label?: string }): ReactNode {
  return (
    <p className="state state--loading" role="status">
      {label}
    </p>
  );
}

/** An error box with the API's message and code, and a retry button when given. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }): ReactNode {
  return (
    <div className="state state--error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

/** Renders `children(data)` once a query has data, otherwise its loading or error state. */
export function QueryState<T>(props: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  loading?: string;
}): ReactNode {
  const { query, children, loading } = props;
  if (query.data !== undefined) return children(query.data);
  if (query.error) return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  return <Loading label={loading} />;
}
