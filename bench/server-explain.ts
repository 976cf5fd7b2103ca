/**
 * Query plans of the server benchmark's list scenarios, on a database `npm run bench:server -- --keep` left behind:
 * each scenario's first path goes through the real repository function with a logging query builder, and every SQL
 * statement it ran is timed and explained (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN ANALYZE).
 *
 * `node bench/server-explain.ts --database-url=URL [--only=TEXT]`
 */
import { DatabaseSync } from 'node:sqlite';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type ListSpec, parseListQuery } from '../src/server/list-query/list-query.ts';
import { listApplications } from '../src/server/repositories/applications.ts';
import {
  APPLICATIONS_LIST,
  PACKAGES_LIST,
  RESOURCES_LIST,
  VULNERABILITIES_LIST,
} from '../src/server/repositories/list-specs.ts';
import { listPackages } from '../src/server/repositories/packages.ts';
import { listResources } from '../src/server/repositories/resources.ts';
import { listVulnerabilities } from '../src/server/repositories/vulnerabilities.ts';
import type { Store } from '../src/server/store/open-store.ts';
import type { Database } from '../src/server/store/schema.ts';
import { NodeSqliteDialect } from '../src/server/store/sqlite/node-sqlite-dialect.ts';
import { listScenarios } from './server-scenarios.ts';

const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const databaseUrl = flag('database-url') ?? '';
const only = flag('only');

// biome-ignore lint/suspicious/noExplicitAny: each list function takes its own sort-key union.
type ListFunction = (store: Store, query: any) => Promise<unknown>;
const ENDPOINTS: Record<string, { spec: ListSpec; list: ListFunction }> = {
  applications: { spec: APPLICATIONS_LIST, list: listApplications },
  applicationResources: { spec: RESOURCES_LIST, list: listResources },
  packages: { spec: PACKAGES_LIST, list: listPackages },
  vulnerabilities: { spec: VULNERABILITIES_LIST, list: listVulnerabilities },
};

async function main(): Promise<void> {
  const captured: CompiledQuery[] = [];
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') captured.push(event.query);
  };
  const sqlite = databaseUrl.startsWith('sqlite:') ? new DatabaseSync(databaseUrl.slice(7)) : undefined;
  const url = new URL(sqlite ? 'postgres://unused' : databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const pool = sqlite
    ? undefined
    : new pg.Pool({ connectionString: url.toString(), options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({
    dialect: sqlite
      ? new NodeSqliteDialect({ database: () => sqlite })
      : new PostgresDialect({ pool: pool as pg.Pool }),
    log,
  });
  const store: Store = { db, dialect: sqlite ? 'sqlite' : 'postgres', close: () => db.destroy() };
  const sample = await db
    .selectFrom('resources')
    .innerJoin('application_resources', 'application_resources.resource_id', 'resources.id')
    .select(['resources.id', 'application_resources.application_id'])
    .orderBy('resources.vulns_total', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  for (const scenario of listScenarios({ applicationId: sample.application_id, resourceId: sample.id })) {
    if (only && !scenario.name.includes(only)) continue;
    const path = scenario.paths[scenario.paths.length - 1] ?? '';
    const [pathname, search] = path.split('?');
    const endpoint = ENDPOINTS[pathname?.replace('/api/', '') ?? ''];
    if (!endpoint) continue;
    const query = parseListQuery(Object.fromEntries(new URLSearchParams(search)), endpoint.spec);
    captured.length = 0;
    const started = performance.now();
    await endpoint.list(store, query);
    process.stdout.write(`\n### ${scenario.name} (${path}): ${(performance.now() - started).toFixed(0)} ms\n`);
    for (const statement of [...captured]) await explain(statement, sqlite, db);
  }
  await db.destroy();
}

async function explain(statement: CompiledQuery, sqlite: DatabaseSync | undefined, db: Kysely<Database>) {
  const parameters = statement.parameters as never[];
  process.stdout.write(`\n${statement.sql}\n`);
  if (sqlite) {
    const started = performance.now();
    sqlite.prepare(statement.sql).all(...parameters);
    const plan = sqlite.prepare(`explain query plan ${statement.sql}`).all(...parameters) as { detail: string }[];
    process.stdout.write(
      `-- ${(performance.now() - started).toFixed(1)} ms\n${plan.map((row) => `   ${row.detail}`).join('\n')}\n`,
    );
    return;
  }
  const { sql } = await import('kysely');
  const result = await sql.raw(`explain (analyze, buffers) ${interpolate(statement.sql, parameters)}`).execute(db);
  process.stdout.write(
    `${(result.rows as { 'QUERY PLAN': string }[]).map((row) => `   ${row['QUERY PLAN']}`).join('\n')}\n`,
  );
}

/** Inlines $n parameters as literals, for EXPLAIN (the values are the benchmark's own). */
function interpolate(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_match, n: string) => {
    const value = parameters[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

await main();
