import { describe, expect, it } from 'vitest';
import {
  listLink,
  mergeSubParams,
  parseFilterKey,
  readListState,
  subParams,
  toApiQuery,
  withFilter,
  withoutFilters,
  withoutScope,
  withPage,
  withSort,
} from './list-query.ts';

const DEFAULTS = { sortKey: 'severity', sortDir: 'DESC' } as const;

describe('readListState', () => {
  it('applies defaults to an empty URL', () => {
    expect(readListState(new URLSearchParams(), DEFAULTS)).toEqual({
      page: 1,
      pageSize: 50,
      sortKey: 'severity',
      sortDir: 'DESC',
      filters: [],
      scope: null,
    });
  });

  it('reads paging, sorting, repeated filter values and one scope', () => {
    const search = new URLSearchParams(
      'page=3&pageSize=25&sortKey=packageName&sortDir=ASC&vulnerabilitySeverity[is]=HIGH&vulnerabilitySeverity[is]=LOW&hasFixVersion[is]=true&applicationID=abc&other=1',
    );
    expect(readListState(search, DEFAULTS)).toEqual({
      page: 3,
      pageSize: 25,
      sortKey: 'packageName',
      sortDir: 'ASC',
      filters: [
        { field: 'vulnerabilitySeverity', op: 'is', values: ['HIGH', 'LOW'] },
        { field: 'hasFixVersion', op: 'is', values: ['true'] },
      ],
      scope: { key: 'applicationID', value: 'abc' },
    });
  });

  it.each([
    ['page=0', 1, 50],
    ['page=-2&pageSize=500', 1, 100],
    ['page=abc&pageSize=x', 1, 50],
    ['page=2.5&pageSize=10', 1, 10],
  ])('clamps bad paging %s', (query, page, pageSize) => {
    const state = readListState(new URLSearchParams(query), DEFAULTS);
    expect([state.page, state.pageSize]).toEqual([page, pageSize]);
  });

  it('ignores unknown operators, empty values and a bad sort direction', () => {
    const state = readListState(new URLSearchParams('name[like]=x&name[is]=&sortDir=sideways'), DEFAULTS);
    expect(state.filters).toEqual([]);
    expect(state.sortDir).toBe('DESC');
  });
});

describe('toApiQuery', () => {
  const state = readListState(
    new URLSearchParams(
      'page=2&vulnerabilitySeverity[gte]=HIGH&packageName[contains]=ssl&packageName[contains]=lib&packageID=p1',
    ),
    DEFAULTS,
  );

  it('sends paging, sorting, filters and scope', () => {
    expect(toApiQuery(state).toString()).toBe(
      'page=2&pageSize=50&sortKey=severity&sortDir=DESC&vulnerabilitySeverity%5Bgte%5D=HIGH&packageName%5Bcontains%5D=ssl&packageName%5Bcontains%5D=lib&packageID=p1',
    );
  });

  it('drops paging for an export (every filtered row)', () => {
    expect([...toApiQuery(state, { forExport: true }).keys()]).not.toContain('page');
    expect([...toApiQuery(state, { forExport: true }).keys()]).not.toContain('pageSize');
  });
});

describe('URL edits', () => {
  const search = new URLSearchParams('page=4&sortKey=severity&sortDir=DESC&license[is]=MIT&applicationID=a1');
  const state = readListState(search, DEFAULTS);

  it('replaces a filter and restarts paging', () => {
    expect(withFilter(search, 'license', 'is', ['MIT', 'ISC']).toString()).toBe(
      'sortKey=severity&sortDir=DESC&applicationID=a1&license%5Bis%5D=MIT&license%5Bis%5D=ISC',
    );
    expect(withFilter(search, 'license', 'is', []).has('license[is]')).toBe(false);
  });

  it('flips the direction of the current sort key, starts a new key with its first direction', () => {
    expect(withSort(search, state, 'severity', 'DESC').get('sortDir')).toBe('ASC');
    const byName = withSort(search, state, 'packageName', 'ASC');
    expect([byName.get('sortKey'), byName.get('sortDir'), byName.get('page')]).toEqual(['packageName', 'ASC', null]);
  });

  it('pages, and a new page size restarts at page 1', () => {
    expect(withPage(search, 5).get('page')).toBe('5');
    expect(withPage(search, 1).has('page')).toBe(false);
    const resized = withPage(search, 3, 100);
    expect([resized.get('page'), resized.get('pageSize')]).toEqual([null, '100']);
  });

  it('clears the scope, or every filter and the scope', () => {
    expect(withoutScope(search).has('applicationID')).toBe(false);
    expect(withoutFilters(search).toString()).toBe('sortKey=severity&sortDir=DESC');
  });
});

describe('lists sharing a URL', () => {
  it('reads and writes one list under its prefix without touching the rest', () => {
    const page = new URLSearchParams('tab=packages&p.page=2&p.packageName[is]=zlib&v.page=3');
    expect(subParams(page, 'p').toString()).toBe('page=2&packageName%5Bis%5D=zlib');
    const merged = mergeSubParams(page, 'p', new URLSearchParams('page=4'));
    expect(merged.toString()).toBe('tab=packages&v.page=3&p.page=4');
    expect(subParams(page, '').toString()).toBe(page.toString());
  });
});

describe('helpers', () => {
  it('parses filter keys', () => {
    expect(parseFilterKey('applicationName[start]')).toEqual({ field: 'applicationName', op: 'start' });
    expect(parseFilterKey('applicationName[drop]')).toBeNull();
    expect(parseFilterKey('page')).toBeNull();
  });

  it('builds links with repeated keys', () => {
    expect(listLink('/packages', { 'license[isNot]': ['MIT', 'ISC'], page: 2 })).toBe(
      '/packages?license%5BisNot%5D=MIT&license%5BisNot%5D=ISC&page=2',
    );
    expect(listLink('/packages', {})).toBe('/packages');
  });
});
