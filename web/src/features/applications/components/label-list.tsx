/** Labels or environments as small tags: the first three, then a "+N more" toggle. */
import { type ReactNode, useState } from 'react';

/** The tag list; empty lists show a dash. */
export function LabelList({
  items,
  max = 3,
}: {
  items: readonly string[] | null | undefined;
  max?: number;
}): ReactNode {
  const [open, setOpen] = useState(false);
  const list = items ?? [];
  if (list.length === 0) return <span className="muted">–</span>;
  const shown = open ? list : list.slice(0, max);
  return (
    <span className="label-list">
      {shown.map((item) => (
        <span key={item} className="tag">
          {item}
        </span>
      ))}
      {list.length > max ? (
        <button type="button" className="btn btn--link btn--small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'less' : `+${list.length - max} more`}
        </button>
      ) : null}
    </span>
  );
}
