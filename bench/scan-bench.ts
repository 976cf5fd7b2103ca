/**
 * `lucent scan` benchmark: import every OSV record of shared/data/osv into a fresh advisory DB (`lucent db import`),
 * open the DB, match a 1,000-package SBOM built from real package names and affected versions in those records (so
 * it has real findings), and scan the Debian 12 tools image. Import and scan run as the CLI under GNU time (wall,
 * user and system CPU, peak RSS); open and match run in a child process on the built modules (dist/), timed with
 * performance.now after a warm-up, since the target (≤ 100 ms for 1,000 packages after open) is about the matcher and
 * the DB queries, not process start. CPU time is reported too: the machine is shared, and wall time moves with load.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import type { BuiltImage } from '../test/support/debian-images.ts';
import { median } from './measure.ts';

/** One timed command: wall and CPU seconds, peak RSS in MiB. */
export interface ProcessSample {
  wall: number;
  user: number;
  sys: number;
  rssMiB: number;
}

/** What the scan benchmark measured. */
export interface ScanBenchResult {
  osvRecords: number;
  import: ProcessSample;
  dbSizeMiB: number;
  sbomPackages: number;
  /** In-process: open the DB (median); match and enrich, cold (first round) and warm (median, fresh handles). */
  openMs: number;
  cold: MatchRound;
  warm: MatchRound;
  findings: number;
  scanSbom: ProcessSample;
  scanImage: ProcessSample;
  scanImageWarm: ProcessSample;
  imageFindings: number;
}

/** OSV ecosystems and the purl type (and how to split a name) of their packages. */
const PURL_TYPES: Record<string, { type: string; split?: string }> = {
  'crates.io': { type: 'cargo' },
  Go: { type: 'golang', split: '/' },
  Maven: { type: 'maven', split: ':' },
  PyPI: { type: 'pypi' },
  npm: { type: 'npm', split: '/' },
  NuGet: { type: 'nuget' },
  RubyGems: { type: 'gem' },
  Packagist: { type: 'composer', split: '/' },
};

/** Runs the scan benchmark. */
export async function scanBench(options: {
  lucent: string;
  root: string;
  tools: BuiltImage;
  work: string;
  runs: number;
  osvDir: string;
}): Promise<ScanBenchResult> {
  const { lucent, root, work, runs } = options;
  const db = join(work, 'scan-bench.db');
  await rm(db, { force: true });
  const osvRecords = (await osvFiles(options.osvDir)).length;
  log(`importing ${osvRecords} OSV records from ${options.osvDir} into a fresh DB…`);
  const imported = timedProcess(process.execPath, [lucent, '-q', 'db', 'import', options.osvDir, '--db', db]);
  const sbom = join(work, 'bench-1000.cdx.json');
  const sbomPackages = await writeBenchSbom(options.osvDir, sbom, 1000);
  log(`matching a ${sbomPackages}-package SBOM in process (${runs} runs)…`);
  const inProcess = matchInProcess(root, db, sbom, runs);
  log('lucent scan sbom: and the Debian 12 tools image (cold and warm layer cache)…');
  const scanSbom = timedProcess(process.execPath, [
    lucent,
    '-q',
    'scan',
    `sbom:${sbom}`,
    '--db',
    db,
    '-o',
    '/dev/null',
  ]);
  const cache = join(work, 'scan-cache');
  const image = `docker-archive:${options.tools.dockerArchive}`;
  const scanArgs = [lucent, '-q', '--cache-dir', cache, 'scan', image, '--db', db, '-f', 'json'];
  await rm(cache, { recursive: true, force: true });
  const scanImage = timedProcess(process.execPath, [...scanArgs, '-o', join(work, 'tools-scan.json')]);
  const imageFindings = JSON.parse(await readFile(join(work, 'tools-scan.json'), 'utf8')).findings.length as number;
  const scanImageWarm = timedProcess(process.execPath, [...scanArgs, '-o', '/dev/null']);
  return {
    osvRecords,
    import: imported,
    dbSizeMiB: Math.round((statSync(db).size / 1024 / 1024) * 10) / 10,
    sbomPackages,
    ...inProcess,
    scanSbom,
    scanImage,
    scanImageWarm,
    imageFindings,
  };
}

/** The result as a Markdown table. */
export function scanBenchTable(result: ScanBenchResult): string {
  const row = (label: string, sample: ProcessSample) =>
    `| ${label} | ${sample.wall.toFixed(2)} s | ${(sample.user + sample.sys).toFixed(2)} s (${sample.user.toFixed(2)} user + ${sample.sys.toFixed(2)} sys) | ${Math.round(sample.rssMiB)} MiB |`;
  return [
    '| step | wall | CPU | peak RSS |',
    '|---|---:|---:|---:|',
    row(`db import: ${result.osvRecords} OSV records → ${result.dbSizeMiB} MiB`, result.import),
    `| open the DB (in process, median) | ${result.openMs.toFixed(1)} ms | | |`,
    roundRow(`match ${result.sbomPackages} packages, first scan of the process`, result.cold),
    roundRow(`match ${result.sbomPackages} packages → ${result.findings} findings, warm (median)`, result.warm),
    row(`lucent scan sbom: (${result.sbomPackages} packages, whole CLI)`, result.scanSbom),
    row(`lucent scan Debian 12 tools, cold cache → ${result.imageFindings} findings`, result.scanImage),
    row('lucent scan Debian 12 tools, warm cache', result.scanImageWarm),
  ].join('\n');
}

/** Match and enrich times of a round, as table rows. */
function roundRow(label: string, round: MatchRound): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `| ${label}: match | ${ms(round.match)} | ${ms(round.matchCpu)} | |`,
    `| ${label}: + enrich (severity, KEV, EPSS) | ${ms(round.enrich)} | ${ms(round.enrichCpu)} | |`,
    `| ${label}: total | ${ms(round.match + round.enrich)} | ${ms(round.matchCpu + round.enrichCpu)} | |`,
  ].join('\n');
}

/**
 * Writes a CycloneDX SBOM of `count` packages taken from the OSV records: each distinct (ecosystem, name) once, with
 * a version the record lists as affected (else the first introduced or fixed version), in file order.
 */
export async function writeBenchSbom(osvDir: string, target: string, count: number): Promise<number> {
  const components: { type: string; 'bom-ref': string; name: string; version: string; purl: string }[] = [];
  const seen = new Set<string>();
  for (const file of await osvFiles(osvDir)) {
    if (components.length >= count) break;
    const record = JSON.parse(await readFile(file, 'utf8')) as {
      affected?: {
        package?: { ecosystem?: string; name?: string };
        versions?: string[];
        ranges?: { events?: Record<string, string>[] }[];
      }[];
    };
    for (const affected of record.affected ?? []) {
      const { ecosystem, name } = affected.package ?? {};
      const mapping = ecosystem ? PURL_TYPES[ecosystem] : undefined;
      if (!mapping || !name || seen.has(`${ecosystem} ${name}`)) continue;
      const events = (affected.ranges ?? []).flatMap((range) => range.events ?? []);
      const version =
        affected.versions?.at(-1) ??
        events.map((event) => event.introduced).find((value) => value && value !== '0') ??
        events.map((event) => event.fixed).find(Boolean);
      if (!version) continue;
      const purl = purlOf(mapping, name, version);
      if (!purl) continue;
      seen.add(`${ecosystem} ${name}`);
      components.push({ type: 'library', 'bom-ref': purl, name, version, purl });
      if (components.length >= count) break;
    }
  }
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { component: { type: 'application', name: 'scan-bench' } },
    components,
  };
  await writeFile(target, `${JSON.stringify(bom)}\n`);
  return components.length;
}

function purlOf(mapping: { type: string; split?: string }, name: string, version: string): string | undefined {
  const cut = mapping.split ? name.lastIndexOf(mapping.split) : -1;
  const namespace = cut > 0 ? name.slice(0, cut) : undefined;
  const short = cut > 0 ? name.slice(cut + 1) : name;
  try {
    return new PackageURL(mapping.type, namespace, short, version, undefined, undefined).toString();
  } catch {
    return undefined;
  }
}

async function osvFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true, recursive: true })).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    if (entry.isFile() && entry.name.endsWith('.json')) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

/**
 * Opens the DB and matches the SBOM in a child process on dist/, `runs` + 1 times, each time on a freshly opened
 * handle (so no parsed record is reused). The first round is the cold one a one-shot `lucent scan` pays (JIT, first
 * queries); the median of the others is what a long-running process (the server) pays per scan. Matching and
 * enrichment (severity, KEV, EPSS: what `scanAnalysis` adds) are timed apart, wall and CPU.
 */
function matchInProcess(root: string, db: string, sbom: string, runs: number) {
  const dist = (path: string) => JSON.stringify(join(root, 'dist', path));
  const script = `
    const { performance } = await import('node:perf_hooks');
    const { openAdvisoryDb, advisoryLookup } = await import(${dist('advisories/db/queries.js')});
    const { analysisFromSbom } = await import(${dist('pipeline/sbom-input.js')});
    const { matchPackages } = await import(${dist('matcher/match.js')});
    const { enrichFindings, advisorySources } = await import(${dist('matcher/enrich.js')});
    const analysis = await analysisFromSbom(${JSON.stringify(sbom)});
    const cpu = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
    const rounds = [];
    let findings = 0;
    for (let i = 0; i <= ${runs}; i++) {
      let t = performance.now();
      const db = await openAdvisoryDb(${JSON.stringify(db)});
      const open = performance.now() - t;
      t = performance.now();
      let c = cpu();
      const matched = matchPackages(analysis.inventory.packages, analysis.inventory.os, advisoryLookup(db));
      const match = performance.now() - t, matchCpu = cpu() - c;
      t = performance.now();
      c = cpu();
      findings = enrichFindings(matched, advisorySources(db)).length;
      const enrich = performance.now() - t, enrichCpu = cpu() - c;
      rounds.push({ open, match, matchCpu, enrich, enrichCpu });
      db.close();
    }
    process.stdout.write(JSON.stringify({ rounds, findings }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`in-process match failed:\n${result.stderr}`);
  const { rounds, findings } = JSON.parse(result.stdout) as { rounds: MatchRound[]; findings: number };
  const [cold, ...warm] = rounds as [MatchRound, ...MatchRound[]];
  const middle = (key: keyof MatchRound) => median(warm.map((round) => round[key]));
  return {
    openMs: middle('open'),
    cold,
    warm: {
      open: middle('open'),
      match: middle('match'),
      matchCpu: middle('matchCpu'),
      enrich: middle('enrich'),
      enrichCpu: middle('enrichCpu'),
    },
    findings,
  };
}

/** One in-process round: open, match and enrich times (ms), wall and CPU. */
export interface MatchRound {
  open: number;
  match: number;
  matchCpu: number;
  enrich: number;
  enrichCpu: number;
}

/** Runs a command under GNU time (`%e %U %S %M`): wall and CPU seconds, peak RSS. */
function timedProcess(command: string, args: string[]): ProcessSample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const [wall, user, sys, rss] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (result.status !== 0 || wall === undefined || Number.isNaN(wall)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return { wall, user: user ?? 0, sys: sys ?? 0, rssMiB: (rss ?? 0) / 1024 };
}

function log(line: string): void {
  process.stderr.write(`  ${line}\n`);
}
