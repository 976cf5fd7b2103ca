/**
 * Trivy as a vulnerability scanner: `trivy sbom --format json --offline-scan --skip-db-update FILE`, found through
 * `$LUCENT_TRIVY_PATH` or `PATH` (as the analyzer plug-in finds it). Lucent never downloads Trivy's DB: the scanner is
 * available only when the DB is already in Trivy's cache directory (`--trivy-cache-dir`, `$TRIVY_CACHE_DIR`, else
 * Trivy's default `$XDG_CACHE_HOME/trivy` or `~/.cache/trivy`). Without a DB Trivy exits 1 with "The first run cannot
 * skip downloading DB", so that case is caught before Trivy starts (its start-up alone takes seconds).
 */
import { access, constants } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../../plugins/run-tool.ts';
import { runScannerTool } from '../run-scanner-tool.ts';
import type { ScannerContext, VulnerabilityScanner } from '../scanner.ts';
import { parseTrivyOutput } from './parse.ts';

/** Binaries found by `available()`, so that `scan()` starts the process before its first await. */
const located = new WeakMap<ScannerContext, string>();

async function locate(context: ScannerContext): Promise<string | undefined> {
  const binary = await findExecutable(['trivy'], context.env.LUCENT_TRIVY_PATH, context.env);
  if (binary) located.set(context, binary);
  return binary;
}

/** Trivy's cache directory, as Trivy itself resolves it (os.UserCacheDir on Linux; macOS uses ~/Library/Caches). */
export function trivyCacheDir(context: Pick<ScannerContext, 'env' | 'options'>): string {
  const { env, options } = context;
  if (options.trivyCacheDir) return options.trivyCacheDir;
  if (env.TRIVY_CACHE_DIR) return env.TRIVY_CACHE_DIR;
  const home = env.HOME ?? homedir();
  const base =
    env.XDG_CACHE_HOME ?? (process.platform === 'darwin' ? join(home, 'Library', 'Caches') : join(home, '.cache'));
  return join(base, 'trivy');
}

function exists(path: string): Promise<boolean> {
  return access(path, constants.R_OK).then(
    () => true,
    () => false,
  );
}

/** The Trivy adapter. */
export const trivyScanner = {
  name: 'trivy',
  version: 1,
  async available(context) {
    if (!(await locate(context))) {
      return { available: false, reason: 'trivy is not installed (set LUCENT_TRIVY_PATH or put it on PATH)' };
    }
    const cacheDir = trivyCacheDir(context);
    if (!(await exists(join(cacheDir, 'db', 'trivy.db')))) {
      return {
        available: false,
        reason: `no Trivy vulnerability DB in ${join(cacheDir, 'db')} (run \`trivy image --download-db-only\`, or point --trivy-cache-dir at Trivy's cache)`,
      };
    }
    return { available: true };
  },
  async scan(input, context) {
    const binary = located.get(context) ?? (await locate(context));
    if (!binary) throw new Error('trivy is not installed');
    const args = [
      'sbom',
      '--format',
      'json',
      '--offline-scan',
      '--skip-db-update',
      '--skip-java-db-update',
      '--quiet',
      '--cache-dir',
      trivyCacheDir(context),
      input.path,
    ];
    return parseTrivyOutput(await runScannerTool('trivy', binary, args, context));
  },
} satisfies VulnerabilityScanner;
