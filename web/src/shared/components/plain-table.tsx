/** A static table (no sorting or paging) with the dashboard's table styles and a caption for screen readers. */
import type { ReactNode } from 'react';

/** A header cell: its text, or a label with a class (`num` right-aligns a number column). */
export type HeaderCell = string | { key: string; label: ReactNode; className?: string };

/** The header of a column of row buttons: named for screen readers only. */
export const ACTIONS_HEADER: HeaderCell = { key: 'actions', label: <span className="sr-only">Actions</span> };

/** Props of PlainTable. */
export interface PlainTableProps {
  /** Accessible name (the caption, visually hidden). */
  caption: string;
  headers: readonly HeaderCell[];
  /** The body rows (<tr> elements). */
  children: ReactNode;
  compact?: boolean;
  testId?: string;
}

/** The table inside its scrolling wrapper. */
export function PlainTable({ caption, headers, children, compact = false, testId }: PlainTableProps): ReactNode {
  return (
    <div className="table-wrap">
      <table className={compact ? 'data-table data-table--compact' : 'data-table'} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) =>
              typeof header === 'string' ? (
                <th key={header} scope="col">
                  {header}
                </th>
              ) : (
                <th key={header.key} scope="col" className={header.className}>
                  {header.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
