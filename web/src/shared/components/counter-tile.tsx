/** A big-number tile that links to the list it counts. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../lib/format.ts';

/** Props of CounterTile. */
export interface CounterTileProps {
  label: string;
  value: number | null | undefined;
  to?: string;
  hint?: ReactNode;
  testId?: string;
}

/** The tile; the whole tile is the link when `to` is given. */
export function CounterTile({ label, value, to, hint, testId }: CounterTileProps): ReactNode {
  const body = (
    <>
      <span className="counter__value" data-testid={testId}>
        {formatNumber(value)}
      </span>
      <span className="counter__label">{label}</span>
      {hint ? <span className="counter__hint">{hint}</span> : null}
    </>
  );
  return to ? (
    <Link to={to} className="counter counter--link">
      {body}
    </Link>
  ) : (
    <div className="counter">{body}</div>
  );
}
