/**
 * Grype as a vulnerability scanner: `grype sbom:FILE -o json` on the SBOM Lucent wrote, found through
 * `$LUCENT_GRYPE_PATH` or `PATH`. Grype keeps its own DB and settings (`GRYPE_DB_CACHE_DIR`, `GRYPE_DB_AUTO_UPDATE`,
 * …), which reach it through the environment unchanged.
 */
import { findExecutable } from '../../../plugins/run-tool.ts';
import { runScannerTool } from '../run-scanner-tool.ts';
import type { ScannerContext, VulnerabilityScanner } from '../scanner.ts';
import { parseGrypeOutput } from './parse.ts';

/** Binaries found by `available()`, so that `scan()` starts the process before its first await. */
const located = new WeakMap<ScannerContext, string>();

async function locate(context: ScannerContext): Promise<string | undefined> {
  const binary = await findExecutable(['grype'], context.env.LUCENT_GRYPE_PATH, context.env);
  if (binary) located.set(context, binary);
  return binary;
}

/** The Grype adapter. */
export const grypeScanner = {
  name: 'grype',
  version: 1,
  async available(context) {
    if (await locate(context)) return { available: true };
    return { available: false, reason: 'grype is not installed (set LUCENT_GRYPE_PATH or put it on PATH)' };
  },
  async scan(input, context) {
    const binary = located.get(context) ?? (await locate(context));
    if (!binary) throw new Error('grype is not installed');
    const stdout = await runScannerTool('grype', binary, [`sbom:${input.path}`, '-o', 'json'], context);
    return parseGrypeOutput(stdout);
  },
} satisfies VulnerabilityScanner;
