/** An image's layers: order, the `created-by` command from the image history, and the packages each layer added. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { shortHash } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { useLayers } from '../api/resources.ts';

/** The layers table; history entries without a filesystem change ("empty layers") are shown dimmed. */
export function LayersTable({ resourceId }: { resourceId: string }): ReactNode {
  const query = useLayers(resourceId);
  return (
    <QueryState query={query}>
      {(layers) =>
        layers.length === 0 ? (
          <p className="muted">No layer information was reported for this resource.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="layers">
              <caption className="sr-only">Layers</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Created by</th>
                  <th scope="col">Layer</th>
                  <th scope="col">Packages added</th>
                </tr>
              </thead>
              <tbody>
                {layers.map((layer) => (
                  <tr key={`${layer.index}-${layer.diffId ?? 'empty'}`} className={layer.empty ? 'muted' : undefined}>
                    <td className="num">{layer.index}</td>
                    <td>
                      <code className="pre pre--inline">{layer.createdBy || '–'}</code>
                    </td>
                    <td>
                      {layer.diffId ? (
                        <code title={layer.diffId}>{shortHash(layer.diffId)}</code>
                      ) : (
                        <span className="muted">empty</span>
                      )}
                    </td>
                    <td>
                      {layer.packages.length === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        <details>
                          <summary>
                            {layer.packages.length} package{layer.packages.length === 1 ? '' : 's'}
                          </summary>
                          <ul className="plain-list">
                            {layer.packages.map((pkg) => (
                              <li key={pkg.id}>
                                <Link to={routes.package(pkg.id)}>
                                  {pkg.name} {pkg.version}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}
