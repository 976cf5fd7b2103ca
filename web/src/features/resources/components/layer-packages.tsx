/** The packages one layer added, by name and version, a page at a time (a layer of a large image adds thousands). */
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { useLayerPackages } from '../api/resources.ts';

/** Rows per page of a layer's packages. */
export const LAYER_PACKAGES_PAGE_SIZE = 25;

/** The package list of the layer at `index`, with previous/next buttons when it spans several pages. */
export function LayerPackages({ resourceId, index }: { resourceId: string; index: number }): ReactNode {
  const [page, setPage] = useState(1);
  const query = useLayerPackages(resourceId, index, page, LAYER_PACKAGES_PAGE_SIZE);
  return (
    <QueryState query={query} loading="Loading the layer's packages…">
      {({ total, items }) => {
        const pages = Math.max(1, Math.ceil(total / LAYER_PACKAGES_PAGE_SIZE));
        const first = (page - 1) * LAYER_PACKAGES_PAGE_SIZE + 1;
        return (
          <div className="layer-packages" data-testid={`layer-package-list-${index}`}>
            <table className="data-table data-table--compact">
              <caption className="sr-only">Packages layer {index} added</caption>
              <thead>
                <tr>
                  <th scope="col">Package</th>
                  <th scope="col">Version</th>
                  <th scope="col">Type</th>
                  <th scope="col" className="hide-below-md">
                    Path
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td data-column="name">
                      <Link to={routes.package(item.id)}>{item.name}</Link>
                    </td>
                    <td data-column="version">{item.version}</td>
                    <td>{item.language || item.type || '–'}</td>
                    <td className="hide-below-md">
                      <code>{item.path || '–'}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pages > 1 ? (
              <nav className="pagination" aria-label={`Layer ${index} package pages`}>
                <span className="pagination__range" aria-live="polite">
                  Rows {formatNumber(first)}–{formatNumber(first + items.length - 1)} of {formatNumber(total)}
                </span>
                <span className="pagination__steps">
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    disabled={page <= 1}
                    onClick={() => setPage(page - 1)}
                  >
                    Previous
                  </button>
                  <span className="pagination__page">
                    Page {formatNumber(page)} of {formatNumber(pages)}
                  </span>
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    disabled={page >= pages}
                    onClick={() => setPage(page + 1)}
                  >
                    Next
                  </button>
                </span>
              </nav>
            ) : null}
          </div>
        );
      }}
    </QueryState>
  );
}
