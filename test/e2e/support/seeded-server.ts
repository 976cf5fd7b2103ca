/**
 * The server the dashboard tests share: an advisory database imported from real feeds (also the server's own, for
 * its status and KEV count), `lucent server` on it, fixture images scanned and exported, and two users.
 */
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createUser } from './api.ts';
import { type LucentServer, startLucentServer } from './lucent-server.ts';
import { buildAdvisoryDb, seedServer } from './seed.ts';
import { ensureWebBuilt, WEB_DIST } from './web-build.ts';

/** A user name and password. */
export interface Credentials {
  name: string;
  password: string;
}

/** The seeded server and its users. */
export interface SeededServer {
  server: LucentServer;
  admin: Credentials;
  viewer: Credentials;
  /** Stops the server and removes its advisory database. */
  stop: () => Promise<void>;
}

/** Builds the dashboard if needed, then starts and seeds a server. */
export async function startSeededServer(): Promise<SeededServer> {
  ensureWebBuilt();
  const advisoryDb = await buildAdvisoryDb();
  const server = await startLucentServer({ webDir: WEB_DIST, extraArgs: ['--advisory-db', advisoryDb] });
  await seedServer(server, advisoryDb);
  return {
    server,
    admin: { name: 'alice', password: await createUser(server, 'alice', 'admin') },
    viewer: { name: 'victor', password: await createUser(server, 'victor', 'viewer') },
    stop: async () => {
      await server.stop();
      await rm(dirname(advisoryDb), { recursive: true, force: true });
    },
  };
}
