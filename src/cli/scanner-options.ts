/** `lucent scan`'s scanner flags (docs/scanners.md): which scanners run, and the settings of the external ones. */
import { type Command, InvalidArgumentError } from 'commander';
import { LucentError } from '../core/errors.ts';
import { BUILTIN_SCANNER_OPTION, VULNERABILITY_SCANNERS } from '../matcher/scanners/registry.ts';
import type { ScannerContext, VulnerabilityScanner } from '../matcher/scanners/scanner.ts';

/** The scanners `--scanners` chose: the built-in matcher or not, and the external ones in the order given. */
export interface ScannerChoice {
  builtin: boolean;
  external: VulnerabilityScanner[];
}

/** Adds the scanner flags to a command. */
export function addScannerOptions(command: Command): Command {
  const names = [BUILTIN_SCANNER_OPTION, ...VULNERABILITY_SCANNERS.map((scanner) => scanner.name)];
  return command
    .option('--scanners <list>', `comma-separated, run in parallel and merged: ${names.join(', ')}`, 'builtin')
    .option('--scanner-timeout <seconds>', 'how long each external scanner may take', seconds, 600)
    .option(
      '--dtrack-url <url>',
      'Dependency-Track API server (default $LUCENT_DTRACK_URL; key: $LUCENT_DTRACK_API_KEY)',
    )
    .option('--dtrack-project <name>', 'Dependency-Track project to upload to (default: the image or SBOM name)')
    .option('--dtrack-project-version <version>', 'Dependency-Track project version (default: latest)')
    .option(
      '--trivy-cache-dir <dir>',
      "Trivy's cache directory holding its DB (default $TRIVY_CACHE_DIR or ~/.cache/trivy)",
    );
}

/** Parses `--scanners`; an unknown name is a usage error, before anything is scanned. */
export function chooseScanners(list: string): ScannerChoice {
  const names = [...new Set(list.split(',').map((name) => name.trim().toLowerCase()))].filter(Boolean);
  const known = new Map(VULNERABILITY_SCANNERS.map((scanner) => [scanner.name, scanner]));
  const unknown = names.filter((name) => name !== BUILTIN_SCANNER_OPTION && !known.has(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new LucentError('E_USAGE', `unknown scanner: ${unknown.join(', ') || '(none given)'}`, {
      hint: `--scanners takes a comma-separated list of ${[BUILTIN_SCANNER_OPTION, ...known.keys()].join(', ')}`,
    });
  }
  return {
    builtin: names.includes(BUILTIN_SCANNER_OPTION),
    external: names.flatMap((name) => known.get(name) ?? []),
  };
}

/** The external scanners' context from the flags and the environment. */
export function scannerContext(flags: Record<string, unknown>, env: NodeJS.ProcessEnv): ScannerContext {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const options = {
    dtrackUrl: text(flags.dtrackUrl),
    dtrackProject: text(flags.dtrackProject),
    dtrackProjectVersion: text(flags.dtrackProjectVersion),
    trivyCacheDir: text(flags.trivyCacheDir),
  };
  return {
    env,
    timeoutMs: (typeof flags.scannerTimeout === 'number' ? flags.scannerTimeout : 600) * 1000,
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
  };
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a number of seconds above 0');
  return parsed;
}
