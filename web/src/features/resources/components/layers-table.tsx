/** An image's layers: order, the `created-by` command from the image history, and how many packages each added. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { formatNumber, shortHash } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { useLayers } from '../api/resources.ts';

/** The layers table; the package counts open the resource's packages. */
export function LayersTable({ resourceId }: { resourceId: string }): ReactNode {
  const query = useLayers(resourceId);
  const packagesLink = `${routes.resource(resourceId)}?tab=packages`;
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
                  <th scope="col" className="num">
                    Packages added
                  </th>
                </tr>
              </thead>
              <tbody>
                {layers.map((layer) => (
                  <tr key={`${layer.index}-${layer.diffId}`}>
                    <td className="num">{layer.index}</td>
                    <td>
                      <code className="pre pre--inline">{layer.createdBy || '–'}</code>
                    </td>
                    <td>
                      <code title={layer.diffId}>{shortHash(layer.diffId)}</code>
                    </td>
                    <td className="num" data-testid={`layer-packages-${layer.index}`}>
                      {layer.packages === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        <Link to={packagesLink}>{formatNumber(layer.packages)}</Link>
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
