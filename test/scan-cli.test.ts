/**
 * `lucent scan` as users run it, on real data: the Debian security tracker's DSA/DLA lists imported with
 * `lucent db import`, then the Debian 10 nginx image scanned, directly and through an SBOM made by `lucent analyze`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';

const NGINX = fixtureImage('snyk-docker-plugin/docker-save_nginx.tar');
const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url).pathname;
let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-scan-'));
  db = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(tracker, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  const imported = await runCli(['db', 'import', ...lists, '--db', db]);
  expect(imported.code).toBe(0);
});

describe('lucent scan', () => {
  it('prints a table with the findings and a summary', async () => {
    const result = await runCli(['--no-cache', 'scan', NGINX, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^NAME\s+INSTALLED\s+FIXED-IN\s+VULNERABILITY\s+SEVERITY\s+SCANNERS/);
    expect(result.stdout).toMatch(/^apt\s+1\.8\.2\s+1\.8\.2\.2\s+CVE-2020-27350\s+UNKNOWN\s+lucent/m);
    expect(result.stdout).toContain('71 vulnerabilities');
  });

  it('writes the documented JSON report', async () => {
    const result = await runCli(['--no-cache', 'scan', NGINX, '--db', db, '-f', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.findings).toHaveLength(71);
    expect(report.findings.find((finding: { id: string }) => finding.id === 'CVE-2022-1664')).toMatchObject({
      package: { name: 'dpkg', version: '1.19.7' },
      fixedVersions: ['1.19.8'],
    });
  });

  it('--fail-on exits 2 when a finding reaches the severity, 0 when none does', async () => {
    const failing = await runCli([
      '--no-cache',
      'scan',
      NGINX,
      '--db',
      db,
      '--fail-on',
      'unknown',
      '-o',
      join(dir, 'r.txt'),
    ]);
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('policy failed: 71 finding(s) at or above UNKNOWN');
    const passing = await runCli([
      '--no-cache',
      'scan',
      NGINX,
      '--db',
      db,
      '--fail-on',
      'high',
      '-o',
      join(dir, 'r.txt'),
    ]);
    expect(passing.code).toBe(0);
  });

  it('scans an SBOM made in an earlier stage the same way: sbom:FILE', async () => {
    const sbom = join(dir, 'nginx.cdx.json');
    expect((await runCli(['--no-cache', 'analyze', NGINX, '-o', sbom])).code).toBe(0);
    const direct = JSON.parse((await runCli(['--no-cache', 'scan', NGINX, '--db', db, '-f', 'json'])).stdout);
    const fromSbom = JSON.parse((await runCli(['scan', `sbom:${sbom}`, '--db', db, '-f', 'json'])).stdout);
    const ids = (report: { findings: { id: string; package: { purl: string } }[] }) =>
      report.findings.map((finding) => `${finding.id} ${finding.package.purl}`).sort();
    expect(ids(fromSbom)).toEqual(ids(direct));
  });

  it('without an advisory database, says where it looked and what to run', async () => {
    const result = await runCli(['--no-cache', 'scan', NGINX, '--db', join(dir, 'none.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no advisory database at ${join(dir, 'none.db')}`);
  });
});
