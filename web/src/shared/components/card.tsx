/** A card: a section named by its heading, optionally with controls beside the heading. */
import type { ReactNode, Ref } from 'react';

/** Props of Card. */
export interface CardProps {
  /** The heading's element ID, which names the section. */
  titleId: string;
  title: ReactNode;
  /**
   * Controls beside the heading, in a heading row (`null` keeps the row, with nothing in it); absent, the heading
   * stands alone.
   */
  actions?: ReactNode;
  children: ReactNode;
  ref?: Ref<HTMLElement>;
}

/** The card's section, heading and body. */
export function Card({ titleId, title, actions, children, ref }: CardProps): ReactNode {
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <section className="card" aria-labelledby={titleId} ref={ref}>
      {actions === undefined ? (
        heading
      ) : (
        <div className="card__head">
          {heading}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
