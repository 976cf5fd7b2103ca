/**
 * Seeds a server store for the list benchmark, straight through Kysely in bulk (no ingestion service, which would take
 * hours for this much): 10,000 resources in 2,000 applications and 1,000,000 findings (package-vulnerability rows of
 * resources), with every counter and `vulnerability_packages` row computed here exactly as ingestion keeps them.
 *
 * Distributions, from a seeded PRNG (the same data every run):
 * - 150,000 packages (37,500 names × 4 versions; deb, npm, PyPI, Maven, Go, gem); each resource holds one of 30 base
 *   images' 60 OS packages (base images by a Zipf law) plus 60 application packages (Zipf over all packages), so
 *   popular packages sit in thousands of resources and most in a few;
 * - 19% of packages are vulnerable, with a long-tailed number of advisories (1 to 400, mean ≈ 7) out of 120,000;
 * - advisory severities 5% critical, 25% high, 45% medium, 20% low, 3% negligible, 2% unknown, with CVSS scores to
 *   match; 70% of (advisory, package) pairs have a fix version; scanners and CICD/RUNTIME sources mixed.
 */
import { sql } from 'kysely';
import { packageId, resourceId, uuidV5 } from '../src/server/store/ids.ts';
import type { Store } from '../src/server/store/open-store.ts';
import { writeAll } from './server-seed-write.ts';

/** How much to seed. */
export interface SeedShape {
  resources: number;
  applications: number;
  packages: number;
  vulnerabilities: number;
  findings: number;
}

/** The benchmark's shape. */
export const BENCH_SHAPE: SeedShape = {
  resources: 10_000,
  applications: 2_000,
  packages: 150_000,
  vulnerabilities: 120_000,
  findings: 1_000_000,
};

/** What was seeded, for the report and the scenarios. */
export interface SeedSummary {
  rows: Record<string, number>;
  /** An application and a resource with findings, for scoped lists. */
  sampleApplicationId: string;
  sampleResourceId: string;
  /** Package ids the ingestion benchmark mixes into its reports (popular ones). */
  popularPackages: { purl: string; name: string; version: string; type: string }[];
}

const SEVERITIES = [5, 4, 3, 2, 1, 0]; // CRITICAL … UNKNOWN ordinals
/** Share of vulnerable packages: tuned so the resources' findings reach the shape's count (≈ 100 per resource). */
const VULNERABLE_SHARE = 0.19;
const SEVERITY_WEIGHTS = [0.05, 0.25, 0.45, 0.2, 0.03, 0.02];
const ECOSYSTEMS = [
  { type: 'deb', language: '', weight: 0.4 },
  { type: 'npm', language: 'javascript', weight: 0.25 },
  { type: 'pypi', language: 'python', weight: 0.15 },
  { type: 'maven', language: 'java', weight: 0.1 },
  { type: 'golang', language: 'go', weight: 0.05 },
  { type: 'gem', language: 'ruby', weight: 0.05 },
];
const LICENSES = ['MIT', 'Apache-2.0', 'GPL-2.0-only', 'BSD-3-Clause', 'LGPL-2.1-or-later', ''];
const WORDS = ['core', 'util', 'http', 'json', 'xml', 'crypto', 'ssl', 'log', 'test', 'data', 'net', 'io', 'auth'];

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index in [0, n) under a Zipf-like law (exponent `s`), by inverse transform of the continuous approximation. */
function zipf(random: () => number, n: number, s: number): number {
  const u = random();
  const value = s === 1 ? n ** u : ((n ** (1 - s) - 1) * u + 1) ** (1 / (1 - s));
  return Math.min(n - 1, Math.max(0, Math.floor(value) - 1));
}

function weighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  let u = random();
  for (let index = 0; index < items.length; index++) {
    u -= weights[index] ?? 0;
    if (u <= 0) return items[index] as T;
  }
  return items[items.length - 1] as T;
}

/** A package and its advisories (indexes). */
export interface PackageSeed {
  id: string;
  purl: string;
  name: string;
  version: string;
  type: string;
  language: string;
  license: string;
  vulns: number[];
}

/** The packages, each with its advisories. */
function makePackages(shape: SeedShape, random: () => number): PackageSeed[] {
  const names = shape.packages / 4;
  return Array.from({ length: shape.packages }, (_, index) => {
    const nameIndex = index % names;
    const eco = weighted(
      prng(nameIndex + 7),
      ECOSYSTEMS,
      ECOSYSTEMS.map((e) => e.weight),
    );
    const word = WORDS[nameIndex % WORDS.length];
    const name = eco.type === 'deb' ? `lib${word}${nameIndex}` : `${word}-${eco.type}-${nameIndex}`;
    const version = `${1 + (nameIndex % 9)}.${Math.floor(index / names)}.${nameIndex % 17}`;
    const purl = `pkg:${eco.type}/${name}@${version}`;
    const vulnerable = random() < VULNERABLE_SHARE;
    const count = vulnerable ? Math.min(400, 1 + Math.floor(-Math.log(1 - random()) * 6)) : 0;
    const vulns = Array.from({ length: count }, () => Math.floor(random() * shape.vulnerabilities));
    return {
      id: packageId(purl),
      purl,
      name,
      version,
      type: eco.type,
      language: eco.language,
      license: LICENSES[nameIndex % LICENSES.length] ?? '',
      vulns: [...new Set(vulns)],
    };
  });
}

/** A resource, its packages and its findings. */
export interface ResourceSeed {
  id: string;
  hash: string;
  name: string;
  type: string;
  source: 'CICD' | 'RUNTIME';
  scanners: string[];
  packages: number[];
  /** Pair keys (package index × V + advisory index) of its findings. */
  pairs: number[];
  at: string;
}

/** Generates everything, then writes it table by table. */
export async function seedStore(store: Store, shape: SeedShape, log: (line: string) => void): Promise<SeedSummary> {
  const random = prng(42);
  const now = Date.parse('2026-06-01T00:00:00.000Z');
  const day = 86_400_000;
  log('generating packages and advisories…');
  const packages = makePackages(shape, random);
  const vulnSeverity = Int8Array.from({ length: shape.vulnerabilities }, () =>
    weighted(random, SEVERITIES, SEVERITY_WEIGHTS),
  );
  const bases = Array.from({ length: 30 }, () =>
    Array.from({ length: 60 }, () => zipf(random, Math.floor(shape.packages * 0.02), 0.9)),
  );
  log('generating resources and findings…');
  const resources: ResourceSeed[] = [];
  let findings = 0;
  for (let r = 0; r < shape.resources; r++) {
    const base = bases[zipf(random, bases.length, 1.1)] ?? [];
    const own = Array.from({ length: 60 }, () => zipf(random, shape.packages, 0.85));
    const held = [...new Set([...base, ...own])];
    const pairs: number[] = [];
    for (const p of held) {
      for (const v of packages[p]?.vulns ?? []) {
        if (findings >= shape.findings) break;
        pairs.push(p * shape.vulnerabilities + v);
        findings++;
      }
    }
    const hash = `sha256:${uuidV5(`bench-resource:${r}`).replace(/-/g, '')}${'0'.repeat(32)}`;
    const typeRoll = random();
    resources.push({
      id: resourceId(hash),
      hash,
      name: `registry.example.com/team-${r % 97}/service-${r}:v${1 + (r % 5)}`,
      type: typeRoll < 0.9 ? 'IMAGE' : typeRoll < 0.97 ? 'DIRECTORY' : 'FILE',
      source: random() < 0.85 ? 'CICD' : 'RUNTIME',
      scanners: random() < 0.8 ? ['lucent'] : ['grype', 'lucent'],
      packages: held,
      pairs,
      at: new Date(now - Math.floor(random() * 90 * day)).toISOString(),
    });
  }
  // Two thirds of the applications own five resources each; the rest share resources with them (common images).
  const links: [number, number][] = [];
  for (let r = 0; r < shape.resources; r++) links.push([Math.floor(r / 5) % shape.applications, r]);
  for (let r = 0; r < shape.resources; r += 4) {
    const other = (Math.floor(r / 5) + 1 + Math.floor(random() * 50)) % shape.applications;
    if (other !== Math.floor(r / 5) % shape.applications) links.push([other, r]);
  }
  return writeAll(store, { shape, packages, vulnSeverity, resources, links, random, now });
}

/** Everything generated, to be written. */
export interface Generated {
  shape: SeedShape;
  packages: PackageSeed[];
  vulnSeverity: Int8Array;
  resources: ResourceSeed[];
  links: [number, number][];
  random: () => number;
  now: number;
}

/**
 * Brings a freshly loaded database to where a long-running one is: planner statistics on both engines, and on
 * PostgreSQL the visibility map that index-only scans need (autovacuum sets it after inserts; without it every
 * index-only scan reads the table too, which made deep pages several times slower in a first run).
 */
export async function settle(store: Store): Promise<void> {
  await sql.raw(store.dialect === 'postgres' ? 'vacuum (analyze)' : 'analyze').execute(store.db);
}

/** The summary of a database seeded earlier (`--database-url`): row counts, sample ids, popular packages. */
export async function summaryOf(store: Store): Promise<SeedSummary> {
  const tables = ['applications', 'resources', 'packages', 'resource_packages', 'findings', 'vulnerability_packages'];
  const rows: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
    rows[table] = Number(result.rows[0]?.n ?? 0);
  }
  const sample = await store.db
    .selectFrom('resources')
    .innerJoin('application_resources', 'application_resources.resource_id', 'resources.id')
    .select(['resources.id', 'application_resources.application_id'])
    .orderBy('resources.vulns_total', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const popular = await store.db
    .selectFrom('packages')
    .innerJoin('package_counts', 'package_counts.package_id', 'packages.id')
    .select(['purl', 'name', 'version', 'type'])
    .where('name', 'not like', 'bench-new-%')
    .orderBy('package_counts.resources_count', 'desc')
    .limit(700)
    .execute();
  return {
    rows,
    sampleApplicationId: sample.application_id,
    sampleResourceId: sample.id,
    popularPackages: popular.map((pkg) => ({ ...pkg, purl: pkg.purl ?? '' })),
  };
}
