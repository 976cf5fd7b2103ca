/**
 * The server under test: `buildApp` on a fresh store, SQLite (a temp file) or the local PostgreSQL (a schema of its
 * own, dropped afterwards), with one token per role. Route tests run the same cases on both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Finding } from '../../src/matcher/match.ts';
import { encodeSbom } from '../../src/sbom/encode.ts';
import { sampleResult } from '../../src/sbom/testing/sample-result.ts';
import { buildApp } from '../../src/server/app.ts';
import { createApiToken } from '../../src/server/auth/accounts.ts';
import { contentAnalysisReport, vulnerabilityScanReport } from '../../src/server/client/reports.ts';
import { defaultServerConfig, type ServerConfig } from '../../src/server/config.ts';
import { authRepository } from '../../src/server/repositories/auth.ts';
import { openStore, type Store } from '../../src/server/store/open-store.ts';

/** The engines every route test runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;

/** An engine. */
export type Engine = (typeof ENGINES)[number];

/** The local PostgreSQL (trust auth), database `test`. */
export const POSTGRES_URL = process.env.LUCENT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A running app with its store and a token per role. */
export interface Harness {
  app: FastifyInstance;
  store: Store;
  databaseUrl: string;
  tokens: { admin: string; writer: string; viewer: string };
  /** Headers with a role's bearer token. */
  as(role: 'admin' | 'writer' | 'viewer'): { authorization: string };
  close(): Promise<void>;
}

/** A fresh, empty database URL for an engine, and how to remove it. */
export async function freshDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-server-'));
    return { url: `sqlite:${join(dir, 'server.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const schema = `lucent_test_${randomBytes(6).toString('hex')}`;
  return {
    url: `${POSTGRES_URL}?schema=${schema}`,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Starts an app on a fresh database of `engine`. */
export async function startHarness(engine: Engine, overrides: Partial<ServerConfig> = {}): Promise<Harness> {
  const database = await freshDatabase(engine);
  const store = await openStore(database.url);
  const config: ServerConfig = {
    ...defaultServerConfig({}),
    databaseUrl: database.url,
    logLevel: 'silent',
    ...overrides,
  };
  const app = await buildApp(config, { store });
  const auth = authRepository(store);
  // A millisecond apart, so listings (by creation time) have a fixed order: admin, writer, viewer.
  const at = (offset: number) => new Date(Date.now() - 1000 + offset);
  const tokens = {
    admin: (await createApiToken(auth, { name: 'test-admin', role: 'admin' }, at(0))).token,
    writer: (await createApiToken(auth, { name: 'test-writer', role: 'writer' }, at(1))).token,
    viewer: (await createApiToken(auth, { name: 'test-viewer', role: 'viewer' }, at(2))).token,
  };
  return {
    app,
    store,
    databaseUrl: database.url,
    tokens,
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}

/** A finding for seeding: one advisory in one package, with a CVSS v3.1 vector. */
export function seedFinding(
  id: string,
  pkg: { purl: string; name: string; version: string },
  severity: { level: 'CRITICAL' | 'HIGH' | 'MEDIUM'; score: number },
  fixedVersions: string[],
): Finding {
  return {
    id,
    aliases: [],
    packagePurl: pkg.purl,
    packageName: pkg.name,
    installedVersion: pkg.version,
    fixedVersions,
    evidence: [],
    severity: { ...severity, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', source: 'test' },
  };
}

const LEFT_PAD = { purl: 'pkg:npm/left-pad@1.3.0', name: 'left-pad', version: '1.3.0' };
const BUSYBOX = {
  purl: 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19',
  name: 'busybox',
  version: '1.36.1-r15',
};

/**
 * Two applications over the API, as CI exports would send them:
 * - `shop` (IMAGE, team=web, prod): the sample image, 5 packages, CVE-2024-0001 (HIGH, left-pad, fixed in 1.3.1)
 *   and CVE-2024-0002 (CRITICAL, busybox, no fix);
 * - `tools` (DIRECTORY, team=ops, dev): a directory with the sample's two npm packages, CVE-2024-0001 as MEDIUM.
 */
export async function seedSample(harness: Harness): Promise<{ shop: string; tools: string }> {
  const writer = harness.as('writer');
  const create = async (payload: object) => {
    const response = await harness.app.inject({ method: 'POST', url: '/api/applications', payload, headers: writer });
    if (response.statusCode !== 201) throw new Error(`seed: ${response.body}`);
    return response.json().id as string;
  };
  const shop = await create({ name: 'shop', type: 'IMAGE', labels: ['team=web'], environments: ['prod'] });
  const tools = await create({ name: 'tools', type: 'DIRECTORY', labels: ['team=ops'], environments: ['dev'] });
  const image = sampleResult();
  const dir = sampleResult();
  dir.image = { ...dir.image, source: { kind: 'dir', reference: './tools' }, name: './tools' };
  delete dir.image.manifest;
  delete dir.image.configDigest;
  dir.inventory.packages = dir.inventory.packages.filter((pkg) => pkg.type === 'npm');
  delete dir.inventory.os;
  const post = async (path: string, payload: object) => {
    const response = await harness.app.inject({ method: 'POST', url: path, payload, headers: writer });
    if (response.statusCode !== 201) throw new Error(`seed: ${response.body}`);
  };
  for (const [id, result, findings] of [
    [
      shop,
      image,
      [
        seedFinding('CVE-2024-0001', LEFT_PAD, { level: 'HIGH', score: 7.5 }, ['1.3.1']),
        seedFinding('CVE-2024-0002', BUSYBOX, { level: 'CRITICAL', score: 9.8 }, []),
      ],
    ],
    [tools, dir, [seedFinding('CVE-2024-0001', LEFT_PAD, { level: 'MEDIUM', score: 5.0 }, ['1.3.1'])]],
  ] as const) {
    const sbom = JSON.parse(await encodeSbom('cyclonedx-json', { result, tool: { name: 'lucent', version: 'test' } }));
    await post(`/api/applications/contentAnalysis/${id}`, contentAnalysisReport(result, { sbom }));
    await post(
      `/api/applications/vulnerabilityScan/${id}`,
      vulnerabilityScanReport(result, { reported: [...findings], suppressed: [] }, {}),
    );
  }
  return { shop, tools };
}
