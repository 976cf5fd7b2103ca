/**
 * Query plans of the list queries that were slow at 10,000 resources / 1,000,000 findings (issue #5), on SQLite: each
 * runs through the real repository and the plan of every statement must name the index or access path that keeps it
 * an index walk. The plans come from an empty store, so they pin the indexes' shapes, not the planner's statistics.
 */
import { DatabaseSync } from 'node:sqlite';
import { type CompiledQuery, Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseListQuery } from '../list-query/list-query.ts';
import { migrateToLatest, type Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';
import { NodeSqliteDialect } from '../store/sqlite/node-sqlite-dialect.ts';
import { PACKAGES_LIST, VULNERABILITIES_LIST } from './list-specs.ts';
import { listPackages } from './packages.ts';
import { listVulnerabilities } from './vulnerabilities.ts';

async function plansOf(run: (store: Store) => Promise<unknown>): Promise<string[]> {
  const handle = new DatabaseSync(':memory:');
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect({ database: () => handle }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  const store: Store = { db, dialect: 'sqlite', close: () => db.destroy() };
  try {
    await migrateToLatest(store);
    captured.length = 0;
    await run(store);
    return captured.map((query) =>
      (handle.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as never[])) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n'),
    );
  } finally {
    await store.close();
  }
}

describe('list query plans (SQLite)', () => {
  it('walks (license, name) for packages of one license by name', async () => {
    const query = parseListQuery({ 'license[is]': 'MIT', page: '50' }, PACKAGES_LIST);
    const [count, page] = await plansOf((store) => listPackages(store, query));
    expect(count).toContain('COVERING INDEX packages_license');
    expect(page).toContain('SEARCH packages USING COVERING INDEX packages_license_name_idx (license=?)');
  });

  it('walks (language, vulnerabilities) for packages of one language by vulnerabilities', async () => {
    const query = parseListQuery({ 'language[is]': 'python', sortKey: 'vulnerabilities' }, PACKAGES_LIST);
    const [, page] = await plansOf((store) => listPackages(store, query));
    expect(page).toContain('SEARCH packages USING COVERING INDEX packages_language_vulns_idx (language=?)');
  });

  it('walks the vulnerability counts, down to unknown, for packages by vulnerabilities', async () => {
    const query = parseListQuery({ sortKey: 'vulnerabilities', sortDir: 'DESC' }, PACKAGES_LIST);
    const [, page] = await plansOf((store) => listPackages(store, query));
    // The key subquery walks the index in order; only the page's 50 rows are sorted again, by the outer query.
    expect(page).toContain('SCAN packages USING COVERING INDEX packages_vulns_idx\n');
    expect(page?.match(/TEMP B-TREE/g)).toHaveLength(1);
  });

  it.each([
    ['applicationResources', 'package_counts_resources_idx'],
    ['applications', 'package_counts_applications_idx'],
  ])('walks the package_counts index for packages by %s', async (sortKey, index) => {
    const query = parseListQuery({ sortKey, sortDir: 'DESC', page: '50' }, PACKAGES_LIST);
    const [, page] = await plansOf((store) => listPackages(store, query));
    expect(page).toContain(`LIST SUBQUERY 1\nSCAN package_counts USING COVERING INDEX ${index}\n`);
    expect(page?.match(/TEMP B-TREE/g)).toHaveLength(1);
  });

  it('counts a name prefix in its index, and joins the counts only to sort the matches by a count', async () => {
    const raw = { 'packageName[start]': 'libssl', sortKey: 'applicationResources', sortDir: 'DESC' };
    const [count, page] = await plansOf((store) => listPackages(store, parseListQuery(raw, PACKAGES_LIST)));
    expect(count).toBe('SEARCH packages USING COVERING INDEX packages_name_prefix_idx (name>? AND name<?)');
    expect(page).toContain(
      'SEARCH packages USING COVERING INDEX packages_name_prefix_idx (name>? AND name<?)\n' +
        'SEARCH package_counts USING PRIMARY KEY (package_id=?)\nUSE TEMP B-TREE FOR ORDER BY',
    );
  });

  it('walks (has_fix, resources) for fixable vulnerabilities by resources', async () => {
    const raw = { 'hasFixVersion[is]': 'true', 'vulnerabilitySeverity[gte]': 'HIGH', sortKey: 'applicationResources' };
    const [, page] = await plansOf((store) => listVulnerabilities(store, parseListQuery(raw, VULNERABILITIES_LIST)));
    expect(page).toContain('COVERING INDEX vp_has_fix_resources_idx (has_fix=?)');
  });

  it('reads the scanners index, not the table, to count a reportingScanners filter', async () => {
    const query = parseListQuery({ 'reportingScanners[containElements]': 'grype' }, VULNERABILITIES_LIST);
    const [count] = await plansOf((store) => listVulnerabilities(store, query));
    expect(count).toBe('SCAN vulnerability_packages USING COVERING INDEX vp_scanners_idx');
  });

  it('finds an application’s pairs and the page by rowid', async () => {
    const query = parseListQuery({ applicationID: 'a' }, VULNERABILITIES_LIST);
    const [count, page] = await plansOf((store) => listVulnerabilities(store, query));
    expect(count).toContain('SEARCH vulnerability_packages USING INTEGER PRIMARY KEY (rowid=?)');
    expect(count).toContain(
      'USING COVERING INDEX sqlite_autoindex_vulnerability_packages_1 (vulnerability_id=? AND package_id=?)',
    );
    expect(page?.startsWith('SEARCH vulnerability_packages USING INTEGER PRIMARY KEY (rowid=?)')).toBe(true);
  });
});
