/**
 * `npm run demo` (scripts/demo.js) as a user runs it, offline: once to completion with LUCENT_DEMO_EXIT=1, then
 * waiting, with the server read back over the API (the two sample applications, exactly the findings `lucent scan`
 * reports for the Debian sample, the dashboard at `/`) and stopped with SIGTERM. The demo directory lives under a
 * temporary XDG_DATA_HOME; nothing else may appear there.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEBIAN_SAMPLE = join(ROOT, 'samples/images/debian10-nginx-sample.tar');
const STARTUP_MS = 240_000;

interface DemoRun {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

let dataHome: string;
const runs: DemoRun[] = [];

function startDemo(env: NodeJS.ProcessEnv): DemoRun {
  const { LUCENT_DEMO_DIR: _dir, LUCENT_DEMO_EXIT: _exit, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'scripts/demo.js')], {
    cwd: ROOT,
    env: { ...inherited, XDG_DATA_HOME: dataHome, LUCENT_DEMO_PORT: '0', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const run = { child, output: () => output, exited };
  runs.push(run);
  return run;
}

/** Resolves once the demo's output matches `pattern`; rejects when it exits first. */
async function waitFor(run: DemoRun, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  while (!pattern.test(run.output())) {
    if (exited || Date.now() > deadline) throw new Error(`the demo did not print ${pattern}:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The dashboard URL and login token the demo printed. */
function printed(output: string): { url: string; token: string } {
  const url = /^Dashboard: +(http:\/\/127\.0\.0\.1:\d+)\/(?: |$)/m.exec(output)?.[1];
  const token = /^Login token: (lcn_[A-Za-z0-9_-]{32})$/m.exec(output)?.[1];
  if (!url || !token) throw new Error(`no URL or token in:\n${output}`);
  return { url, token };
}

beforeAll(async () => {
  dataHome = await mkdtemp(join(tmpdir(), 'lucent-demo-test-'));
});

afterAll(async () => {
  for (const run of runs) {
    if (run.child.exitCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }
  await rm(dataHome, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('runs the main job to completion and exits 0 with LUCENT_DEMO_EXIT=1', async () => {
    const run = startDemo({ LUCENT_DEMO_EXIT: '1' });
    const code = await run.exited;
    const output = run.output();
    expect(code, output).toBe(0);
    const { url } = printed(output);
    expect(output).toContain(`Demo directory: ${join(dataHome, 'lucent', 'demo')}\n`);
    expect(output).toContain('imported 8940 records from 2 files');
    expect(output).toMatch(
      /^\$ lucent scan samples\/images\/debian10-nginx-sample\.tar --db \$DEMO\/sample-advisories\.db --export --server http:\/\/127\.0\.0\.1:\d+ --token lcn_… --application sample-nginx-debian10 --create-application$/m,
    );
    // Tables are cut short (84 packages, 71 findings); the summary line stays.
    expect(output).toContain('… 76 more rows');
    expect(output).toContain('… 59 more rows');
    expect(output).toContain('\n71 vulnerabilities: 0 CRITICAL, 0 HIGH, 0 MEDIUM, 0 LOW, 0 NEGLIGIBLE, 71 UNKNOWN');
    expect(output).toMatch(
      /, 84 package\(s\), 71 finding\(s\) \(the content analysis already stored for it was kept\)$/m,
    );
    expect(output).toMatch(/resource alpine:3\.11 \(sha256:[0-9a-f]{64}\), 14 package\(s\)$/m);
    // The same warning about the sample archive is shown once, not per command.
    expect(output.match(/^warning: manifest\.json lists 1 layers/gm)).toHaveLength(1);
    expect(output).not.toContain('press Ctrl-C');
    expect(output.trimEnd().endsWith('--no-wait: stopping the demo server.\nDemo server stopped.')).toBe(true);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // Only the demo directory was created in the data directory: no server.db or advisories.db of the user's.
    expect(await readdir(join(dataHome, 'lucent'))).toEqual(['demo']);
    expect((await readdir(join(dataHome, 'lucent', 'demo'))).sort()).toEqual([
      'cache',
      'demo-server.db',
      'sample-advisories',
      'sample-advisories.db',
    ]);
  });

  describe('until it is stopped', () => {
    let run: DemoRun;
    let url: string;
    let token: string;

    beforeAll(async () => {
      run = startDemo({});
      await waitFor(run, /press Ctrl-C to stop it\.\n/);
      ({ url, token } = printed(run.output()));
    });

    async function json(path: string): Promise<{ total: number; items: Record<string, unknown>[] }> {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, path).toBe(200);
      return (await response.json()) as { total: number; items: Record<string, unknown>[] };
    }

    it('lists the two sample applications, each with its image', async () => {
      const body = await json('/api/applications?sortKey=applicationName&sortDir=ASC');
      expect(
        body.items.map((item: Record<string, unknown>) => [
          item.applicationName,
          item.applicationType,
          item.applicationResources,
          item.packages,
        ]),
      ).toEqual([
        ['sample-alpine-3.11', 'IMAGE', 1, 14],
        ['sample-nginx-debian10', 'IMAGE', 1, 84],
      ]);
      expect(body.total).toBe(2);
      expect((await fetch(`${url}/api/applications`)).status).toBe(401);
    });

    it('holds exactly the findings `lucent scan` reports for the Debian sample with the sample advisories', async () => {
      const advisoryDb = join(dataHome, 'lucent', 'demo', 'sample-advisories.db');
      const scanned = await runCli(['--no-cache', 'scan', DEBIAN_SAMPLE, '--db', advisoryDb, '-f', 'json']);
      expect(scanned.code, scanned.stderr).toBe(0);
      const findings: { id: string; package: { name: string; version: string } }[] = JSON.parse(
        scanned.stdout,
      ).findings;
      expect(findings).toHaveLength(71);
      const rows: Record<string, unknown>[] = [];
      for (let page = 1; rows.length < 71 && page <= 2; page++) {
        const body = await json(`/api/vulnerabilities?page=${page}&pageSize=100`);
        expect(body.total).toBe(71);
        rows.push(...body.items);
      }
      const pair = (id: unknown, name: unknown, version: unknown) => `${id} ${name} ${version}`;
      expect(rows.map((row) => pair(row.vulnerabilityName, row.packageName, row.packageVersion)).sort()).toEqual(
        findings.map((finding) => pair(finding.id, finding.package.name, finding.package.version)).sort(),
      );
    });

    it('serves the dashboard at /', async () => {
      const response = await fetch(`${url}/`);
      // The demo builds web/dist when it is missing; only a concurrent rebuild of it could take it away.
      if (!existsSync(join(ROOT, 'web/dist/index.html'))) return;
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('<title>Lucent</title>');
      expect(html).toContain('<div id="root"></div>');
    });

    it('stops the server and exits 0 on SIGTERM', async () => {
      run.child.kill('SIGTERM');
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).toContain(
        '\nSIGTERM: stopping the demo (a second Ctrl-C stops it at once).\nDemo server stopped.\n',
      );
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    });
  });
});
