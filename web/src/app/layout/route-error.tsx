/** The error boundary of the routes, and the not-found page. */
import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { errorMessage } from '../../shared/api/api-error.ts';

/** Shown when a page throws while loading or rendering. */
export function RouteError(): ReactNode {
  const error = useRouteError();
  const text = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <main className="page" id="main">
      <h1>Something went wrong</h1>
      <p role="alert" className="state state--error">
        {text}
      </p>
      <p>
        <Link to="/">Back to the dashboard</Link>
      </p>
    </main>
  );
}

/** Shown for a path no route matches. */
export function NotFoundPage(): ReactNode {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Back to the dashboard</Link>
      </p>
    </div>
  );
}

/** Shown while the first page's code loads. */
export function PageLoading(): ReactNode {
  return (
    <p className="state state--loading" role="status">
      Loading…
    </p>
  );
}
