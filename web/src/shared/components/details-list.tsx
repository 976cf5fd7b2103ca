/** A definition list of labelled values for detail pages. */
import type { ReactNode } from 'react';

/** One label/value pair; null or undefined values are shown as a dash. */
export interface DetailItem {
  label: string;
  value: ReactNode;
}

/** The list, in a responsive two-column grid. */
export function DetailsList({ items }: { items: readonly DetailItem[] }): ReactNode {
  return (
    <dl className="details">
      {items.map((item) => (
        <div key={item.label} className="details__item">
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? '–' : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
