/** A server-sorted table: sortable headers are links that change the URL, rows can open a detail page. */
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { SortDir } from '../lib/list-query.ts';

/** One column: how to render a cell and, when sortable, the API sort key. */
export interface Column<Row> {
  id: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** API sort key; absent means the column is not sortable. */
  sortKey?: string;
  /** Direction of the first click (DESC for counts and severities). */
  firstDir?: SortDir;
  align?: 'start' | 'end';
  /** Hidden below this viewport width class, to keep narrow screens readable. */
  hideBelow?: 'md' | 'lg';
}

/** Props of DataTable. */
export interface DataTableProps<Row> {
  /** Accessible name of the table. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Current sort and the link for sorting by a key, when the table is sortable. */
  sort?: { sortKey: string; sortDir: SortDir; linkFor: (sortKey: string, firstDir: SortDir) => string };
  /** A row's detail link: clicking anywhere in the row (outside other controls) follows it. */
  rowLink?: (row: Row) => string;
  onRowNavigate?: (href: string) => void;
  busy?: boolean;
  empty?: ReactNode;
}

const INTERACTIVE = 'a, button, input, select, textarea, label, summary, [role="button"]';

/** Renders the table; keyboard users reach rows through the link in each row's first cell. */
export function DataTable<Row>(props: DataTableProps<Row>): ReactNode {
  const { caption, columns, rows, rowKey, sort, rowLink, onRowNavigate, busy, empty } = props;
  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, row: Row) => {
    if (!rowLink || !onRowNavigate) return;
    if ((event.target as Element).closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return; // selecting text is not a click-through
    onRowNavigate(rowLink(row));
  };
  return (
    <div className="table-wrap" aria-busy={busy ? 'true' : 'false'}>
      <table className={`data-table${rowLink ? ' data-table--links' : ''}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort && column.sortKey && sort.sortKey === column.sortKey;
              const ariaSort = active ? (sort.sortDir === 'ASC' ? 'ascending' : 'descending') : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={ariaSort}
                  className={cellClass(column)}
                  data-column={column.id}
                >
                  {sort && column.sortKey ? (
                    <Link
                      className="sort-link"
                      to={sort.linkFor(column.sortKey, column.firstDir ?? 'ASC')}
                      replace
                      aria-label={`Sort by ${column.header}`}
                    >
                      {column.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.sortDir === 'ASC' ? '▲' : '▼') : '↕'}
                      </span>
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {busy ? 'Loading…' : (empty ?? 'Nothing matches.')}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} onClick={(event) => onRowClick(event, row)}>
                {columns.map((column) => (
                  <td key={column.id} className={cellClass(column)} data-column={column.id}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: { align?: 'start' | 'end'; hideBelow?: 'md' | 'lg' }): string | undefined {
  const classes = [column.align === 'end' ? 'num' : '', column.hideBelow ? `hide-below-${column.hideBelow}` : '']
    .filter(Boolean)
    .join(' ');
  return classes || undefined;
}
