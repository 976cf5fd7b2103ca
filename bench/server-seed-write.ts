/**
 * Writing the generated benchmark data (server-seed.ts): every table in bulk statements, with the counters and the
 * `vulnerability_packages` rows computed here from the generated facts, as ingestion would keep them.
 */
import type { Kysely } from 'kysely';
import { applicationId, uuidV5, vulnerabilityId } from '../src/server/store/ids.ts';
import type { Store } from '../src/server/store/open-store.ts';
import type { Database } from '../src/server/store/schema.ts';
import type { Generated, PackageSeed, SeedSummary } from './server-seed.ts';

/** Severity counters of a set of pairs. */
function counters(pairs: Iterable<number>, severityOf: (pair: number) => number) {
  const counts = [0, 0, 0, 0, 0, 0];
  let total = 0;
  let max = -1;
  for (const pair of pairs) {
    const severity = severityOf(pair);
    counts[severity] = (counts[severity] ?? 0) + 1;
    total++;
    if (severity > max) max = severity;
  }
  return {
    vulns_critical: counts[5] ?? 0,
    vulns_high: counts[4] ?? 0,
    vulns_medium: counts[3] ?? 0,
    vulns_low: counts[2] ?? 0,
    vulns_negligible: counts[1] ?? 0,
    vulns_unknown: counts[0] ?? 0,
    vulns_total: total,
    max_severity: max,
  };
}

/** Writes every table; resolves with the row counts and sample ids. */
export async function writeAll(store: Store, g: Generated): Promise<SeedSummary> {
  const { shape, packages, vulnSeverity, resources, links } = g;
  const V = shape.vulnerabilities;
  const severityOf = (pair: number) => vulnSeverity[pair % V] ?? 0;
  const appsOfResource = new Map<number, number[]>();
  const resourcesOfApp = new Map<number, number[]>();
  for (const [a, r] of links) {
    pushTo(appsOfResource, r, a);
    pushTo(resourcesOfApp, a, r);
  }
  const at = new Date(g.now).toISOString();
  const rows: Record<string, number> = {};
  const write = async (table: keyof Database, items: Iterable<Record<string, unknown>>) => {
    rows[table] = await bulkInsert(store, table, items);
  };

  await write(
    'applications',
    [...resourcesOfApp.entries()].map(([a, held]) => {
      const pairs = new Set(held.flatMap((r) => resources[r]?.pairs ?? []));
      const pkgs = new Set(held.flatMap((r) => resources[r]?.packages ?? []));
      return {
        id: applicationId(`app-${a}`),
        name: `app-${a}`,
        type: a % 10 < 7 ? 'POD' : a % 10 < 9 ? 'IMAGE' : 'DIRECTORY',
        labels: JSON.stringify([`env=${a % 3 === 0 ? 'prod' : 'dev'}`, `team=team-${a % 97}`]),
        environments: JSON.stringify([a % 3 === 0 ? 'prod' : 'dev']),
        created_at: at,
        updated_at: at,
        resources_count: held.length,
        packages_count: pkgs.size,
        ...counters(pairs, severityOf),
      };
    }),
  );
  await write(
    'resources',
    resources.map((resource, r) => ({
      id: resource.id,
      name: resource.name,
      hash: resource.hash,
      type: resource.type,
      analyzers: JSON.stringify(['dpkg', 'npm', 'python']),
      scanners: JSON.stringify(resource.scanners),
      os: JSON.stringify({ id: 'debian', versionId: '12' }),
      created_at: resource.at,
      updated_at: resource.at,
      last_analysis_at: resource.at,
      last_scan_at: resource.at,
      packages_count: resource.packages.length,
      applications_count: appsOfResource.get(r)?.length ?? 0,
      ...counters(resource.pairs, severityOf),
    })),
  );
  await write(
    'application_resources',
    links.map(([a, r]) => ({
      application_id: applicationId(`app-${a}`),
      resource_id: resources[r]?.id,
      created_at: at,
    })),
  );
  await writePackagesAndPairs(g, appsOfResource, severityOf, write);
  const sample = resources.findIndex((resource) => resource.pairs.length > 50);
  const popular = [...new Set(resources.slice(0, 50).flatMap((resource) => resource.packages))].slice(0, 700);
  return {
    rows,
    sampleApplicationId: applicationId(`app-${appsOfResource.get(sample)?.[0] ?? 0}`),
    sampleResourceId: resources[sample]?.id ?? '',
    popularPackages: popular.map((p) => {
      const pkg = packages[p] as PackageSeed;
      return { purl: pkg.purl, name: pkg.name, version: pkg.version, type: pkg.type };
    }),
  };
}

async function writePackagesAndPairs(
  g: Generated,
  appsOfResource: Map<number, number[]>,
  severityOf: (pair: number) => number,
  write: (table: keyof Database, items: Iterable<Record<string, unknown>>) => Promise<void>,
): Promise<void> {
  const { shape, packages, resources, random } = g;
  const V = shape.vulnerabilities;
  const resourcesOfPackage = new Map<number, number[]>();
  for (const [r, resource] of resources.entries()) {
    for (const p of resource.packages) pushTo(resourcesOfPackage, p, r);
  }
  // A pair's resources, sources, scanners and first time seen: from its findings.
  const pairs = new Map<
    number,
    { resources: number; apps: Set<number>; sources: Set<string>; grype: boolean; first: string; last: string }
  >();
  for (const [r, resource] of resources.entries()) {
    for (const pair of resource.pairs) {
      let entry = pairs.get(pair);
      if (!entry) {
        entry = {
          resources: 0,
          apps: new Set(),
          sources: new Set(),
          grype: false,
          first: resource.at,
          last: resource.at,
        };
        pairs.set(pair, entry);
      }
      entry.resources++;
      for (const a of appsOfResource.get(r) ?? []) entry.apps.add(a);
      entry.sources.add(resource.source);
      entry.grype ||= resource.scanners.includes('grype');
      if (resource.at < entry.first) entry.first = resource.at;
      if (resource.at > entry.last) entry.last = resource.at;
    }
  }
  const pairsOfPackage = new Map<number, number[]>();
  for (const pair of pairs.keys()) pushTo(pairsOfPackage, Math.floor(pair / V), pair);
  const used = [...resourcesOfPackage.keys()].sort((a, b) => a - b);
  await write(
    'packages',
    used.map((p) => {
      const pkg = packages[p] as PackageSeed;
      return {
        id: pkg.id,
        key: pkg.purl,
        purl: pkg.purl,
        name: pkg.name,
        version: pkg.version,
        type: pkg.type,
        language: pkg.language,
        licenses: JSON.stringify(pkg.license ? [pkg.license] : []),
        license: pkg.license,
        created_at: new Date(g.now).toISOString(),
        ...counters(pairsOfPackage.get(p) ?? [], severityOf),
      };
    }),
  );
  await write(
    'package_counts',
    used.map((p) => {
      const held = resourcesOfPackage.get(p) ?? [];
      return {
        package_id: packages[p]?.id,
        resources_count: held.length,
        applications_count: new Set(held.flatMap((r) => appsOfResource.get(r) ?? [])).size,
      };
    }),
  );
  await write(
    'resource_packages',
    (function* () {
      for (const resource of resources) {
        for (const p of resource.packages) {
          yield {
            resource_id: resource.id,
            package_id: packages[p]?.id,
            analyzers: '["dpkg"]',
            layer_diff_id: null,
            path: '/var/lib/dpkg/status',
            locations: '[{"path":"/var/lib/dpkg/status"}]',
          };
        }
      }
    })(),
  );
  const usedVulns = [...new Set([...pairs.keys()].map((pair) => pair % V))].sort((a, b) => a - b);
  await write(
    'vulnerabilities',
    usedVulns.map((v) => ({
      id: vulnerabilityId(cveName(v)),
      name: cveName(v),
      description: `Synthetic advisory ${v}`,
      links: '[]',
      aliases: '[]',
      updated_at: new Date(g.now).toISOString(),
    })),
  );
  const scoreOf = (severity: number, pair: number) =>
    severity >= 2
      ? [0, 0, 2 + (pair % 19) / 10, 4 + (pair % 29) / 10, 7 + (pair % 19) / 10, 9 + (pair % 11) / 10][severity]
      : null;
  const fixOf = (pair: number) => {
    const pkg = packages[Math.floor(pair / V)] as PackageSeed;
    return pair % 10 < 7 ? `${pkg.version}-fix${pair % 3}` : '';
  };
  await write(
    'findings',
    (function* () {
      for (const resource of resources) {
        const scanId = uuidV5(`bench-scan:${resource.id}`);
        for (const pair of resource.pairs) {
          const severity = severityOf(pair);
          const fix = fixOf(pair);
          yield {
            resource_id: resource.id,
            package_id: packages[Math.floor(pair / V)]?.id,
            vulnerability_id: vulnerabilityId(cveName(pair % V)),
            severity,
            severity_score: scoreOf(severity, pair),
            severity_source: 'nvd',
            fixed_versions: JSON.stringify(fix ? [fix] : []),
            fix_version: fix,
            scanners: JSON.stringify(resource.scanners),
            evidence: '[]',
            epss: null,
            epss_percentile: null,
            kev: 0,
            kev_detail: null,
            source: resource.source,
            first_seen: resource.at,
            last_seen: resource.at,
            scan_id: scanId,
            suppressed: 0,
          };
        }
      }
    })(),
  );
  await write(
    'vulnerability_packages',
    (function* () {
      for (const [pair, entry] of pairs) {
        const pkg = packages[Math.floor(pair / V)] as PackageSeed;
        const severity = severityOf(pair);
        const fix = fixOf(pair);
        yield {
          vulnerability_id: vulnerabilityId(cveName(pair % V)),
          package_id: pkg.id,
          vulnerability_name: cveName(pair % V),
          package_name: pkg.name,
          package_version: pkg.version,
          severity,
          severity_score: scoreOf(severity, pair) ?? -1,
          fix_version: fix,
          has_fix: fix ? 1 : 0,
          scanners: JSON.stringify(entry.grype ? ['grype', 'lucent'] : ['lucent']),
          source: [...entry.sources].sort().join(','),
          resources_count: entry.resources,
          applications_count: entry.apps.size,
          first_seen: entry.first,
          last_seen: entry.last,
        };
      }
    })(),
  );
  await write(
    'scans',
    resources.map((resource) => ({
      id: uuidV5(`bench-scan:${resource.id}`),
      resource_id: resource.id,
      application_id: null,
      kind: 'vulnerabilityScan',
      source: resource.source,
      started_at: resource.at,
      finished_at: resource.at,
      duration_ms: Math.floor(random() * 60_000),
      actor: 'token:ci',
      tools: JSON.stringify(resource.scanners),
      packages_count: resource.packages.length,
      findings_count: resource.pairs.length,
    })),
  );
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cveName(v: number): string {
  return `CVE-${2015 + (v % 11)}-${String(10_000 + v).padStart(6, '0')}`;
}

/** Inserts rows in large statements inside transactions of 50,000 rows; resolves with the row count. */
async function bulkInsert(
  store: Store,
  table: keyof Database,
  items: Iterable<Record<string, unknown>>,
): Promise<number> {
  let count = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await store.db.transaction().execute(async (trx) => {
      const columns = Object.keys(rows[0] ?? {});
      // Both engines bind a limited number of values per statement (SQLite 32,766).
      const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
      for (let start = 0; start < rows.length; start += perStatement) {
        await insertRows(trx, table, rows.slice(start, start + perStatement));
      }
    });
  };
  for (const item of items) {
    batch.push(item);
    count++;
    if (batch.length >= 50_000) await flush();
  }
  await flush();
  return count;
}

async function insertRows(db: Kysely<Database>, table: keyof Database, rows: Record<string, unknown>[]) {
  // Rows are built per table above; the seed writes raw column values, which Kysely's per-table types cannot check.
  await db
    .insertInto(table)
    .values(rows as never)
    .execute();
}
