import { describe, expect, it } from 'vitest';
import { APPLICATIONS_LIST, VULNERABILITIES_LIST } from '../repositories/list-specs.ts';
import { escapeLike } from './apply.ts';
import { ListQueryError, parseListQuery } from './list-query.ts';

function problemOf(raw: Record<string, unknown>, spec = APPLICATIONS_LIST): string {
  try {
    parseListQuery(raw, spec);
  } catch (error) {
    if (error instanceof ListQueryError) return `${error.code} ${error.problem} ${error.parameter}`;
    throw error;
  }
  return 'ok';
}

describe('parseListQuery', () => {
  it('gives defaults', () => {
    expect(parseListQuery({}, APPLICATIONS_LIST)).toEqual({
      page: 1,
      pageSize: 50,
      sortKey: 'applicationName',
      sortDir: 'ASC',
      filters: [],
    });
  });

  it('parses paging, sorting, filters of every kind and a scope', () => {
    const query = parseListQuery(
      {
        page: '3',
        pageSize: '100',
        sortKey: 'vulnerabilities',
        sortDir: 'desc',
        'applicationName[contains]': ['web', 'api'],
        'applicationType[is]': 'POD',
        'applicationLabels[containElements]': ['team=a'],
        'vulnerabilitySeverity[gte]': 'HIGH',
        'packages[lte]': '20',
        applicationResourceID: 'abc',
        format: 'csv',
      },
      APPLICATIONS_LIST,
    );
    expect(query).toEqual({
      page: 3,
      pageSize: 100,
      sortKey: 'vulnerabilities',
      sortDir: 'DESC',
      filters: [
        { field: 'applicationName', op: 'contains', values: ['web', 'api'] },
        { field: 'applicationType', op: 'is', values: ['POD'] },
        { field: 'applicationLabels', op: 'containElements', values: ['team=a'] },
        { field: 'vulnerabilitySeverity', op: 'gte', values: [4] },
        { field: 'packages', op: 'lte', values: [20] },
      ],
      scope: { kind: 'applicationResourceID', id: 'abc' },
    });
  });

  it('accepts qs-style nesting', () => {
    const query = parseListQuery({ hasFixVersion: { is: 'true' }, sortKey: 'severity' }, VULNERABILITIES_LIST);
    expect(query.filters).toEqual([{ field: 'hasFixVersion', op: 'is', values: [1] }]);
  });

  it.each([
    [{ 'nope[is]': 'x' }, 'E_INVALID_REQUEST unknown_filter nope[is]'],
    [{ 'applicationName[gte]': '1' }, 'E_INVALID_REQUEST unknown_operator applicationName[gte]'],
    [{ 'applicationName[like]': 'x' }, 'E_INVALID_REQUEST unknown_operator applicationName[like]'],
    [{ applicationName: 'x' }, 'E_INVALID_REQUEST unknown_operator applicationName'],
    [{ stray: '1' }, 'E_INVALID_REQUEST unknown_parameter stray'],
    [{ sortKey: 'name; DROP TABLE applications; --' }, 'E_INVALID_REQUEST unknown_sort_key sortKey'],
    [{ sortKey: 'constructor' }, 'E_INVALID_REQUEST unknown_sort_key sortKey'],
    [{ 'constructor[is]': 'x' }, 'E_INVALID_REQUEST unknown_filter constructor[is]'],
    [{ sortDir: 'sideways' }, 'E_INVALID_REQUEST invalid_sort_dir sortDir'],
    [{ page: '0' }, 'E_INVALID_REQUEST invalid_page page'],
    [{ page: '1.5' }, 'E_INVALID_REQUEST invalid_page page'],
    [{ pageSize: '101' }, 'E_INVALID_REQUEST invalid_page_size pageSize'],
    [{ 'packages[gte]': '1 OR 1=1' }, 'E_INVALID_REQUEST invalid_value packages[gte]'],
    [{ 'packages[gte]': ['1', '2'] }, 'E_INVALID_REQUEST invalid_value packages[gte]'],
    [{ 'vulnerabilitySeverity[gte]': 'SEVERE' }, 'E_INVALID_REQUEST invalid_value vulnerabilitySeverity[gte]'],
    [{ 'applicationType[is]': 'VM' }, 'E_INVALID_REQUEST invalid_value applicationType[is]'],
    [{ applicationID: 'x' }, 'E_INVALID_REQUEST unknown_scope applicationID'],
    [{ packageID: 'a', currentRuntimeScan: 'true' }, 'E_INVALID_REQUEST multiple_scopes currentRuntimeScan'],
    [{ currentRuntimeScan: 'yes' }, 'E_INVALID_REQUEST invalid_value currentRuntimeScan'],
    [{ 'applicationName[is]': [] }, 'E_INVALID_REQUEST invalid_value applicationName[is]'],
  ])('refuses %j', (raw, expected) => {
    expect(problemOf(raw)).toBe(expected);
  });

  it('keeps injection strings as plain values', () => {
    const value = "x'; DROP TABLE applications; --";
    expect(parseListQuery({ 'applicationName[is]': value }, APPLICATIONS_LIST).filters).toEqual([
      { field: 'applicationName', op: 'is', values: [value] },
    ]);
  });
});

describe('escapeLike', () => {
  it('escapes wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
