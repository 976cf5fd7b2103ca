/** A page's heading, optional subtitle, breadcrumbs and action buttons. */
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';

/** Props of PageHeader. */
export interface PageHeaderProps {
  title: ReactNode;
  /** Plain-text title for the browser tab when `title` is not a string. */
  documentTitle?: string;
  subtitle?: ReactNode;
  crumbs?: readonly { label: string; to: string }[];
  actions?: ReactNode;
}

/** The page's h1 (one per page) and document title. */
export function PageHeader({ title, documentTitle, subtitle, crumbs, actions }: PageHeaderProps): ReactNode {
  const text = documentTitle ?? (typeof title === 'string' ? title : undefined);
  useEffect(() => {
    if (text) document.title = `${text} · Lucent`;
  }, [text]);
  return (
    <header className="page-header">
      {crumbs && crumbs.length > 0 ? (
        <nav aria-label="Breadcrumb" className="crumbs">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="page-header__row">
        <div>
          <h1>{title}</h1>
          {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}
