/**
 * An image's layers: order, the `created-by` command from the image history, and the packages each added, listed
 * under the layer's row when its count is opened.
 */
import { Fragment, type ReactNode, useState } from 'react';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { formatNumber, shortHash } from '../../../shared/lib/format.ts';
import { useLayers } from '../api/resources.ts';
import { LayerPackages } from './layer-packages.tsx';

const COLUMNS = 4;

/** The layers table; a layer's package count opens (and closes) the list of the packages it added. */
export function LayersTable({ resourceId }: { resourceId: string }): ReactNode {
  const query = useLayers(resourceId);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });
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
                {layers.map((layer) => {
                  const expanded = open.has(layer.index);
                  const panel = `layer-${layer.index}-packages`;
                  return (
                    <Fragment key={`${layer.index}-${layer.diffId}`}>
                      <tr data-testid={`layer-${layer.index}`}>
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
                            <button
                              type="button"
                              className="btn btn--link layer-toggle"
                              aria-expanded={expanded}
                              aria-controls={expanded ? panel : undefined}
                              aria-label={`${expanded ? 'Hide' : 'Show'} the ${formatNumber(layer.packages)} packages layer ${layer.index} added`}
                              onClick={() => toggle(layer.index)}
                            >
                              <span aria-hidden="true" className="layer-toggle__mark">
                                {expanded ? '▾' : '▸'}
                              </span>
                              {formatNumber(layer.packages)}
                            </button>
                          )}
                        </td>
                      </tr>
                      {expanded ? (
                        <tr id={panel} className="layer-packages-row">
                          <td colSpan={COLUMNS}>
                            <LayerPackages resourceId={resourceId} index={layer.index} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}
