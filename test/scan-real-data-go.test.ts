/**
 * Go binaries scanned against the Go vulnerability database's real export (shared/data/osv/go, 4,291 records, 17 of
 * them withdrawn) and the real GHSA records of shared/data/osv/maven-ghsa, compared with an oracle that shares no code
 * with Lucent (test/support/oracles/osv-oracle.ts): the module list comes from `go version -m` (Go's own reader of
 * the build info), the records are read with JSON.parse, and SEMVER ranges are evaluated with the `semver` package.
 *
 * - Debian's /usr/bin/docker-registry (distribution 2.8, go1.19.8). Debian builds it in GOPATH mode, so its build info
 *   names no modules: the toolchain (`stdlib` 1.19.8) is its only package, and it has 80 findings.
 * - A program built here with `go build` against a file:// module proxy (offline), requiring real modules at real
 *   versions chosen for the range shapes they meet: `+incompatible` (docker/distribution, jwt-go), pseudo-versions
 *   (x/crypto), a pseudo-version as `introduced` (gin), a boundary equal to a fix (gin 1.6.0, x/text 0.3.7, yaml.v2
 *   2.2.3, x/crypto at GO-2021-0227's fix), several intervals (grpc), a `replace` (gorilla/websocket 1.5.0 → 1.4.0),
 *   and a module whose only record is withdrawn (gorilla/sessions). The module code is a stub; the build info is
 *   Go's.
 *
 * Skipped, with a warning, when `go` is not installed (apt-get install golang-go); the docker-registry part also when
 * the binary is missing (apt-get install docker-registry).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { importPaths } from '../src/advisories/import.ts';
import { analyzersByName } from '../src/analyzers/registry.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import type { Finding } from '../src/matcher/match.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { scanAnalysis } from '../src/pipeline/scan.ts';
import { buildProgram, goVersionModules, publishStub, type StubModule } from './support/go-module-proxy.ts';
import { expectedFindings, goAffected, type OracleRecord, readRecords } from './support/oracles/osv-oracle.ts';
import { onPath } from './support/run-program.ts';

const OSV_GO = '/work/shared/data/osv/go';
const OSV_GHSA = '/work/shared/data/osv/maven-ghsa';
const DOCKER_REGISTRY = '/usr/bin/docker-registry';
const hasGo = await onPath('go');
if (!hasGo) console.warn('scan-real-data-go: `go` is not on PATH (apt-get install golang-go): skipped');
else if (!existsSync(DOCKER_REGISTRY)) console.warn(`scan-real-data-go: ${DOCKER_REGISTRY} is missing: part skipped`);

/** The Go module path and version of a finding's purl (`pkg:golang/golang.org/x/net@v0.7.0`). */
function moduleOf(finding: Finding): string {
  const purl = finding.packagePurl;
  return `${decodeURIComponent(purl.slice('pkg:golang/'.length, purl.lastIndexOf('@')))} ${finding.installedVersion}`;
}

/** A finding as the oracle writes it: `module version id fixed… records…`. */
const row = (finding: Finding) =>
  `${moduleOf(finding)} ${finding.id} ${[...finding.fixedVersions].sort().join(',')} ${[
    ...new Set(finding.evidence.map((item) => item.recordId)),
  ]
    .sort()
    .join(',')}`;

let dbPath: string;
let records: OracleRecord[];

async function scan(binary: string): Promise<Finding[]> {
  const image = await openImage(binary);
  const db = await openAdvisoryDb(dbPath);
  try {
    const analysis = await analyzeImage(image, { cache: noLayerCache, analyzers: analyzersByName() });
    return scanAnalysis(analysis, db);
  } finally {
    db.close();
    await image.close();
  }
}

async function oracle(binary: string): Promise<string[]> {
  const modules = await goVersionModules(binary);
  return expectedFindings(
    records,
    modules.map((module) => ({ ecosystem: 'Go', ...module })),
    goAffected,
  );
}

beforeAll(async () => {
  if (!hasGo) return;
  dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-go-db-')), 'advisories.db');
  await importPaths([OSV_GO, OSV_GHSA], dbPath);
  records = readRecords(OSV_GO, OSV_GHSA);
});

describe.skipIf(!hasGo || !existsSync(DOCKER_REGISTRY))('Debian’s docker-registry binary', () => {
  let findings: Finding[];
  let expected: string[];
  beforeAll(async () => {
    findings = await scan(DOCKER_REGISTRY);
    expected = await oracle(DOCKER_REGISTRY);
  });

  it('has only the toolchain as a package, and exactly the oracle’s 80 findings for stdlib 1.19.8', async () => {
    expect(await goVersionModules(DOCKER_REGISTRY)).toEqual([{ name: 'stdlib', version: '1.19.8' }]);
    expect(expected).toHaveLength(80);
    expect(findings.map(row).sort()).toEqual(expected);
  });

  it('checked by hand', () => {
    // GO-2023-1751 (CVE-2023-24539, html/template): stdlib [0, 1.19.9) and [1.20.0-0, 1.20.4); 1.19.8 is in the
    // first interval, so the fix offered is 1.19.9 and not 1.20.4.
    expect(expected).toContain('stdlib 1.19.8 CVE-2023-24539 1.19.9 GO-2023-1751');
    // GO-2023-2102 (CVE-2023-39325, HTTP/2 rapid reset in net/http): stdlib [0, 1.20.10), [1.21.0-0, 1.21.3).
    expect(expected).toContain('stdlib 1.19.8 CVE-2023-39325 1.20.10 GO-2023-2102');
    // GO-2023-2185 (CVE-2023-45283, path/filepath) has two stdlib entries: [0, 1.20.11) holds 1.19.8; the other
    // ([1.20.11, 1.20.12), [1.21.4, 1.21.5)) is the incomplete fix's own bug and does not.
    expect(expected).toContain('stdlib 1.19.8 CVE-2023-45283 1.20.11 GO-2023-2185');
    // GO-2023-2044 (CVE-2023-39321, QUIC in crypto/tls): only [1.21.0-0, 1.21.1); 1.19.8 predates the code.
    expect(expected.some((line) => line.includes('GO-2023-2044'))).toBe(false);
    const rapidReset = findings.find((finding) => finding.id === 'CVE-2023-39325');
    expect(rapidReset?.evidence).toEqual([
      expect.objectContaining({
        recordId: 'GO-2023-2102',
        ecosystem: 'Go',
        comparator: 'go',
        comparedVersion: '1.19.8',
        introduced: '0',
        fixed: '1.20.10',
      }),
    ]);
    expect(rapidReset?.aliases).toEqual(['GHSA-4374-p667-p6c8', 'GO-2023-2102']);
  });
});

describe.skipIf(!hasGo)('a program built here with real module versions', () => {
  const m = (path: string, version: string, packageName: string): StubModule => ({ path, version, packageName });
  const requires = [
    m('github.com/dgrijalva/jwt-go', 'v3.2.0+incompatible', 'jwt'),
    m('github.com/docker/distribution', 'v2.7.1+incompatible', 'distribution'),
    m('github.com/gin-gonic/gin', 'v1.6.0', 'gin'),
    m('github.com/gorilla/sessions', 'v1.2.1', 'sessions'),
    m('github.com/gorilla/websocket', 'v1.5.0', 'websocket'),
    m('golang.org/x/crypto', 'v0.0.0-20201216223049-8b5274cf687f', 'crypto'),
    m('golang.org/x/net', 'v0.7.0', 'net'),
    m('golang.org/x/text', 'v0.3.7', 'text'),
    m('google.golang.org/grpc', 'v1.57.0', 'grpc'),
    m('gopkg.in/yaml.v2', 'v2.2.3', 'yaml'),
  ];
  const websocket = m('github.com/gorilla/websocket', 'v1.4.0', 'websocket');
  let work: string;
  let binary: string;
  let findings: Finding[];
  let expected: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lucent-go-scan-'));
    const proxy = join(work, 'proxy');
    for (const module of [...requires, websocket]) await publishStub(proxy, module);
    binary = await buildProgram(work, proxy, { requires, replaces: { [websocket.path]: websocket } });
    findings = await scan(binary);
    expected = await oracle(binary);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('gives exactly the oracle’s 133 findings: 53 for the modules, 80 for stdlib', async () => {
    const modules = await goVersionModules(binary);
    // The replacement is what the binary holds.
    expect(modules).toContainEqual({ name: 'github.com/gorilla/websocket', version: 'v1.4.0' });
    expect(expected).toHaveLength(133);
    expect(expected.filter((line) => !line.startsWith('stdlib '))).toHaveLength(53);
    expect(findings.map(row).sort()).toEqual(expected);
  });

  it('checked by hand', () => {
    const lines = (module: string) => expected.filter((line) => line.startsWith(`${module} `));
    // docker/distribution v2.7.1+incompatible: GO-2022-0379 [0, 2.8.0+incompatible) holds it (build metadata does
    // not count in the order); GO-2021-0072 [0, 2.7.0-rc.0+incompatible) does not, a pre-release being below 2.7.1.
    expect(lines('github.com/docker/distribution')).toEqual([
      'github.com/docker/distribution v2.7.1+incompatible GO-2022-0379 2.8.0+incompatible GO-2022-0379',
    ]);
    // gin v1.6.0: GO-2020-0001 is fixed in 1.6.0 itself (not affected); GO-2021-0052 [0, 1.7.7) holds it, and so
    // does GO-2023-1737, introduced at the pseudo-version 1.3.1-0.20190301021747-ccb9e902956d and fixed in 1.9.1.
    expect(lines('github.com/gin-gonic/gin')).toEqual([
      'github.com/gin-gonic/gin v1.6.0 CVE-2020-28483 1.7.7 GO-2021-0052',
      'github.com/gin-gonic/gin v1.6.0 CVE-2023-29401 1.9.1 GO-2023-1737',
    ]);
    // jwt-go v3.2.0+incompatible: GO-2020-0017 has only `introduced` (a 2015 pseudo-version): affected, no fix.
    expect(lines('github.com/dgrijalva/jwt-go')).toEqual([
      'github.com/dgrijalva/jwt-go v3.2.0+incompatible CVE-2020-26160  GO-2020-0017',
    ]);
    // x/crypto at the pseudo-version that is GO-2021-0227's fix: not affected by it, but affected by GO-2022-0968,
    // whose fix is the later pseudo-version 0.0.0-20211202192323-5770296d904e.
    expect(expected.some((line) => line.includes('GO-2021-0227'))).toBe(false);
    expect(lines('golang.org/x/crypto')).toContain(
      'golang.org/x/crypto v0.0.0-20201216223049-8b5274cf687f CVE-2021-43565 0.0.0-20211202192323-5770296d904e GO-2022-0968',
    );
    // grpc v1.57.0: GO-2023-2153 is [0, 1.56.3), [1.57.0, 1.57.1), [1.58.0, 1.58.3): the second interval, fixed in
    // 1.57.1. GHSA-qppj-fm5r-hxr3 (CVE-2023-44487, a real GHSA record) has the same intervals.
    expect(lines('google.golang.org/grpc')).toEqual(
      expect.arrayContaining([
        'google.golang.org/grpc v1.57.0 GO-2023-2153 1.57.1 GO-2023-2153',
        'google.golang.org/grpc v1.57.0 CVE-2023-44487 1.57.1 GHSA-qppj-fm5r-hxr3',
      ]),
    );
    // gorilla/websocket is required at 1.5.0 but replaced by 1.4.0, which GO-2020-0019 [0, 1.4.1) holds.
    expect(lines('github.com/gorilla/websocket')).toEqual([
      'github.com/gorilla/websocket v1.4.0 CVE-2020-27813 1.4.1 GO-2020-0019',
    ]);
  });

  it('ignores the withdrawn GO-2024-2730, the only record of gorilla/sessions', () => {
    const withdrawn = records.find((record) => record.id === 'GO-2024-2730');
    expect(withdrawn?.withdrawn).toBe('2024-04-17T18:06:23Z');
    expect(withdrawn?.affected?.map((entry) => entry.package?.name)).toEqual(['github.com/gorilla/sessions']);
    expect(findings.filter((finding) => finding.packagePurl.includes('gorilla/sessions'))).toEqual([]);
  });

  it('rates findings from their CVSS vectors where the records give one', () => {
    const rapidReset = findings.find(
      (finding) => finding.id === 'CVE-2023-44487' && finding.packagePurl.includes('grpc'),
    );
    // GHSA-qppj-fm5r-hxr3 carries a CVSS 3.1 vector (A:L, 5.3) and a CVSS 4.0 one, which is preferred: 6.9.
    expect(rapidReset?.severity).toEqual({
      level: 'MEDIUM',
      score: 6.9,
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N',
      source: 'CVSS_V4 vector of GHSA-qppj-fm5r-hxr3',
    });
  });
});
