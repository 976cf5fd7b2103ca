/** The CIS Docker Benchmark results of an image: code, title, level and description. */
import type { ReactNode } from 'react';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useCisResults } from '../api/resources.ts';

/** The results table, worst level first. */
export function CisTable({ resourceId }: { resourceId: string }): ReactNode {
  const query = useCisResults(resourceId, true);
  return (
    <QueryState query={query}>
      {({ items }) =>
        items.length === 0 ? (
          <p className="muted">No CIS Docker Benchmark results: the image passed, or the check was not run.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="cis">
              <caption className="sr-only">CIS Docker Benchmark results</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Title</th>
                  <th scope="col">Level</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.code}>
                    <td>
                      <code>{item.code}</code>
                    </td>
                    <td>{item.title}</td>
                    <td>
                      <span className={`cis-level cis-level--${item.level.toLowerCase()}`}>{item.level}</span>
                    </td>
                    <td>{item.desc}</td>
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
