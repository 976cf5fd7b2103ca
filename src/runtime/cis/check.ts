/**
 * The CIS Docker Benchmark image checks (section 4, "Container Images and Build File") and a few of dockle's DKL
 * checks, run natively on what an image says about itself: its config, its history and its file list. Every check
 * has the same shape, one file each under `checks/`, listed in `registry.ts`. Codes and titles follow dockle's, so
 * clients of KubeClarity's `/cisdockerbenchmarkresults` API read them unchanged.
 * Benchmark: https://www.cisecurity.org/benchmark/docker
 */
import type { ImageConfig } from '../../image/config-schema.ts';

/** Result levels, lowest first, as KubeClarity shows them. */
export const CIS_LEVELS = ['INFO', 'WARN', 'FATAL'] as const;

/** A result level. */
export type CisLevel = (typeof CIS_LEVELS)[number];

/** A file of the image's squashed filesystem, as far as the checks care. */
export interface CisFile {
  /** Root-relative path without a leading slash, as the walker keeps it. */
  path: string;
  type: string;
  mode: number;
}

/** What the checks look at. */
export interface CisInput {
  config: ImageConfig;
  /** `created_by` of each history entry, in order (the Dockerfile instructions, as the builder recorded them). */
  history: readonly string[];
  /** The squashed filesystem; undefined when it was not read (the file checks are then skipped). */
  files?: readonly CisFile[];
  /** How the image is referred to (spec images at runtime, the source in the CLI). */
  references: readonly string[];
}

/** One check. */
export interface CisCheck {
  /** dockle's code, e.g. `CIS-DI-0001`. */
  code: string;
  title: string;
  level: CisLevel;
  /** What it needs; a check whose input is missing is skipped. */
  needs: 'config' | 'files';
  /** The problems found (empty: passed). Details never include secret values. */
  run(input: CisInput): string[];
}

/** A failed check. */
export interface CisResult {
  code: string;
  title: string;
  level: CisLevel;
  details: string[];
}

/** Counts of results per level, every level present. */
export function countByLevel(results: readonly CisResult[]): Record<CisLevel, number> {
  const counts = Object.fromEntries(CIS_LEVELS.map((level) => [level, 0])) as Record<CisLevel, number>;
  for (const result of results) counts[result.level] += 1;
  return counts;
}
