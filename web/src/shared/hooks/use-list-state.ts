/** A list page's state read from the URL, plus navigation helpers that write it back (the URL stays the truth). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ListDefaults, type ListState, readListState } from '../lib/list-query.ts';

/** The URL's list state and a setter that replaces the search string (history entry per change, so Back works). */
export function useListState(defaults: ListDefaults): {
  state: ListState;
  search: URLSearchParams;
  setSearch: (next: URLSearchParams) => void;
} {
  const [search, setSearchParams] = useSearchParams();
  // `defaults` is a module-level constant of each list, so it never changes identity.
  const state = useMemo(() => readListState(search, defaults), [search, defaults]);
  const setSearch = useCallback((next: URLSearchParams) => setSearchParams(next), [setSearchParams]);
  return { state, search, setSearch };
}
