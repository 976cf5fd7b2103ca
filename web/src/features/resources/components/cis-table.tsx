/** The CIS Docker Benchmark results of an image: code, title, level and description. */
import type { ReactNode } from 'react';
import { PlainTable } from '../../../shared/components/plain-table.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useCisResults } from '../api/resources.ts';

const CIS_HEADERS = ['Code', 'Title', 'Level', 'Description'] as const;

/** The results table, worst level first. */
export function CisTable({ resourceId }: { resourceId: string }): ReactNode {
  const query = useCisResults(resourceId, true);
  return (
    <QueryState query={query}>
      {({ items }) =>
        items.length === 0 ? (
          <p className="muted">No CIS Docker Benchmark results: the image passed, or the check was not run.</p>
        ) : (
          <PlainTable caption="CIS Docker Benchmark results" testId="cis" headers={CIS_HEADERS}>
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
          </PlainTable>
        )
      }
    </QueryState>
  );
}
