/** Paging controls for server-side lists: the row range, previous/next links and the page size. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../lib/format.ts';
import { PAGE_SIZES } from '../lib/list-query.ts';

/** Props of Pagination. */
export interface PaginationProps {
  total: number;
  page: number;
  pageSize: number;
  linkFor: (page: number) => string;
  onPageSize: (size: number) => void;
  label: string;
}

/** "Rows 51–100 of 1,234", with first/previous/next/last links and a page-size select. */
export function Pagination({ total, page, pageSize, linkFor, onPageSize, label }: PaginationProps): ReactNode {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const step = (target: number, text: string, name: string) =>
    target < 1 || target > pages || target === page ? (
      <span className="btn btn--ghost btn--small" aria-disabled="true">
        <span aria-hidden="true">{text}</span>
        <span className="sr-only">{name}</span>
      </span>
    ) : (
      <Link className="btn btn--ghost btn--small" to={linkFor(target)} aria-label={name}>
        <span aria-hidden="true">{text}</span>
      </Link>
    );
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <span className="pagination__range" aria-live="polite" data-testid="row-range">
        {total === 0 ? 'No rows' : `Rows ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}`}
      </span>
      <span className="pagination__steps">
        {step(1, '«', 'First page')}
        {step(page - 1, '‹', 'Previous page')}
        <span className="pagination__page">
          Page {formatNumber(Math.min(page, pages))} of {formatNumber(pages)}
        </span>
        {step(page + 1, '›', 'Next page')}
        {step(pages, '»', 'Last page')}
      </span>
      <label className="pagination__size">
        Rows per page{' '}
        <select value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
