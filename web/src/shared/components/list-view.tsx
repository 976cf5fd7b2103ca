/**
 * A complete server-side list: filter bar, CSV export, sortable table and paging, with its state in the URL
 * (under a prefix when several lists share a page). Features supply columns, filters and fetchers.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../api/api-error.ts';
import { type DownloadedFile, saveFile } from '../api/http.ts';
import type { FilterField } from '../lib/filter-spec.ts';
import { formatNumber } from '../lib/format.ts';
import {
  type ListDefaults,
  type ListState,
  mergeSubParams,
  readListState,
  type ScopeKey,
  subParams,
  toApiQuery,
  withFilter,
  withoutFilters,
  withoutScope,
  withPage,
  withSort,
} from '../lib/list-query.ts';
import { type Column, DataTable } from './data-table.tsx';
import { FilterBar } from './filter-bar.tsx';
import { Pagination } from './pagination.tsx';
import { ErrorBox } from './query-state.tsx';

/** A page of a list endpoint: `{total, items}`. */
export interface ListPage<Row> {
  total: number;
  items: Row[];
}

/** What a feature declares about one of its lists. */
export interface ListConfig<Row> {
  /** Plural name for captions and messages ("Vulnerabilities"). */
  name: string;
  /** Query-cache key prefix, usually the API path. */
  key: string;
  defaults: ListDefaults;
  filters: readonly FilterField[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  rowLink?: (row: Row) => string;
  fetchPage: (query: URLSearchParams, signal: AbortSignal) => Promise<ListPage<Row>>;
  /** CSV of every row matching the query (no paging); absent hides the export button. */
  fetchCsv?: (query: URLSearchParams) => Promise<DownloadedFile>;
  csvName?: string;
}

/** Props of ListView. */
export interface ListViewProps<Row> {
  config: ListConfig<Row>;
  /** URL key prefix for a list that shares the page (detail tabs). */
  prefix?: string;
  /** A scope the page imposes (a detail page's own ID); not shown as a removable chip. */
  fixedScope?: { key: ScopeKey; value: string };
  /** Text of the removable chip shown when the URL carries a scope filter. */
  scopeLabel?: (scope: { key: ScopeKey; value: string }) => ReactNode;
  filters?: boolean;
  /** Extra toolbar content (for example a "New application" button). */
  toolbar?: ReactNode;
}

/** Props of a feature's list component: everything but the configuration it brings. */
export type ListProps<Row> = Omit<ListViewProps<Row>, 'config'>;

/** Renders the list and keeps its state in the URL. */
export function ListView<Row>(props: ListViewProps<Row>): ReactNode {
  const { config, prefix = '', fixedScope, scopeLabel, filters = true, toolbar } = props;
  const [pageSearch, setPageSearch] = useSearchParams();
  const navigate = useNavigate();
  const search = subParams(pageSearch, prefix);
  const state: ListState = readListState(search, config.defaults);
  const effective: ListState = fixedScope ? { ...state, scope: fixedScope } : state;
  const apiQuery = toApiQuery(effective);
  const href = (sub: URLSearchParams) => `?${mergeSubParams(pageSearch, prefix, sub).toString()}`;
  const go = (sub: URLSearchParams) => setPageSearch(mergeSubParams(pageSearch, prefix, sub));

  const query = useQuery({
    queryKey: [config.key, 'list', apiQuery.toString()],
    queryFn: ({ signal }) => config.fetchPage(apiQuery, signal),
    placeholderData: keepPreviousData,
  });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const total = query.data?.total ?? 0;

  const exportCsv = async () => {
    if (!config.fetchCsv) return;
    setExporting(true);
    setExportError(null);
    setExportNote(null);
    try {
      const file = await config.fetchCsv(toApiQuery(effective, { forExport: true }));
      saveFile(file, config.csvName ?? 'export.csv');
      if (file.truncated) setExportNote('The export holds the first 100,000 rows; narrow the filters for the rest.');
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="list-view" aria-label={config.name}>
      {filters ? (
        <FilterBar
          fields={config.filters}
          active={state.filters}
          onChange={(field, op, values) => go(withFilter(search, field, op, values))}
          onClear={() => go(withoutFilters(search))}
        />
      ) : null}
      <div className="list-view__toolbar">
        <p className="list-view__count" aria-live="polite">
          <strong data-testid="list-total">{query.data ? formatNumber(total) : '…'}</strong> {config.name.toLowerCase()}
          {!fixedScope && state.scope ? (
            <span className="chip chip--scope">
              {scopeLabel ? scopeLabel(state.scope) : `${state.scope.key} ${state.scope.value}`}
              <button
                type="button"
                className="chip__remove"
                aria-label="Clear scope"
                onClick={() => go(withoutScope(search))}
              >
                ×
              </button>
            </span>
          ) : null}
        </p>
        <div className="list-view__actions">
          {toolbar}
          {config.fetchCsv ? (
            <button type="button" className="btn btn--ghost" onClick={exportCsv} disabled={exporting || total === 0}>
              {exporting ? 'Exporting…' : 'Export CSV'}
            </button>
          ) : null}
        </div>
      </div>
      {exportError ? (
        <p role="alert" className="state state--error">{`Export failed: ${errorMessage(exportError)}`}</p>
      ) : null}
      {exportNote ? (
        <p role="status" className="state state--info">
          {exportNote}
        </p>
      ) : null}
      {query.error && !query.data ? (
        <ErrorBox error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <DataTable
            caption={config.name}
            columns={config.columns}
            rows={query.data?.items ?? []}
            rowKey={config.rowKey}
            busy={query.isFetching}
            sort={{
              sortKey: state.sortKey,
              sortDir: state.sortDir,
              linkFor: (sortKey, firstDir) => href(withSort(search, state, sortKey, firstDir)),
            }}
            rowLink={config.rowLink}
            onRowNavigate={(to) => navigate(to)}
            empty={state.filters.length > 0 ? 'No rows match these filters.' : `No ${config.name.toLowerCase()} yet.`}
          />
          <Pagination
            label={config.name}
            total={total}
            page={state.page}
            pageSize={state.pageSize}
            linkFor={(page) => href(withPage(search, page))}
            onPageSize={(size) => go(withPage(search, 1, size))}
          />
        </>
      )}
    </section>
  );
}
