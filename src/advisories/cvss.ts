/**
 * CVSS base scores of OSV severity vectors, with ae-cvss-calculator (DESIGN §6). Scoring a CVSS v4 vector costs the
 * library about a millisecond, most of a one-shot scan's enrichment; so `lucent db import` scores every vector once
 * and stores the score (`cvss_scores`), a scan seeds this file's memo from there (`rememberBaseScores`), and the
 * library is loaded only for a vector the database did not score.
 */
import { createRequire } from 'node:module';

/** The OSV severity types that carry a CVSS vector Lucent scores. */
export type CvssType = 'CVSS_V3' | 'CVSS_V4';

/** The prefixes each OSV severity type allows (CVSS v3.1 §6 and v4.0 §7, "Vector String"). */
const PREFIXES = { CVSS_V3: ['CVSS:3.0', 'CVSS:3.1'], CVSS_V4: ['CVSS:4.0'] } as const;

/** True for the severity types `cvssBaseScore` scores. */
export function isCvssType(type: string): type is CvssType {
  return type === 'CVSS_V3' || type === 'CVSS_V4';
}

/**
 * The CVSS base score of a vector, or undefined when it is not a complete, well-formed vector of that type. The library
 * is lenient (it accepts a missing or wrong prefix, repeated metrics and missing base metrics), so those checks are
 * made here; metric order is not checked, as feeds publish reordered vectors that are otherwise valid.
 */
export function cvssBaseScore(vector: string, type: CvssType): number | undefined {
  // Memoised: the same vectors come up for many findings, and the calculator is the costliest step of enrichment.
  const key = `${type} ${vector}`;
  if (baseScores.has(key)) return baseScores.get(key);
  if (baseScores.size >= 10_000) baseScores.clear();
  const score = computeBaseScore(vector, type);
  baseScores.set(key, score);
  return score;
}

/** Seeds the memo with scores computed before (the advisory DB's `cvss_scores`), so they are not computed again. */
export function rememberBaseScores(scores: Iterable<{ type: CvssType; vector: string; score: number | undefined }>) {
  for (const { type, vector, score } of scores) {
    if (baseScores.size >= 10_000) baseScores.clear();
    baseScores.set(`${type} ${vector}`, score);
  }
}

const baseScores = new Map<string, number | undefined>();

type Calculator = typeof import('ae-cvss-calculator');
let calculator: Calculator | undefined;

/** The library, loaded on first use (a scan whose vectors the database scored never needs it). */
function library(): Calculator {
  // The package is CommonJS (a webpack bundle); require gives its exports.
  calculator ??= createRequire(import.meta.url)('ae-cvss-calculator') as Calculator;
  return calculator;
}

function computeBaseScore(vector: string, type: CvssType): number | undefined {
  const [prefix, ...metrics] = vector.trim().split('/');
  if (!prefix || !(PREFIXES[type] as readonly string[]).includes(prefix)) return undefined;
  const names = metrics.map((metric) => metric.split(':')[0]);
  if (new Set(names).size !== names.length) return undefined;
  try {
    const { Cvss3P0, Cvss3P1, Cvss4P0 } = library();
    const cvss =
      prefix === 'CVSS:4.0' ? new Cvss4P0(vector) : prefix === 'CVSS:3.0' ? new Cvss3P0(vector) : new Cvss3P1(vector);
    if (!cvss.isBaseFullyDefined()) return undefined;
    const scores = cvss.calculateScores();
    // The base score alone (CVSS-B in v4): threat/temporal and environmental metrics describe someone's context.
    const score = 'baseMetricsOnly' in scores ? scores.baseMetricsOnly : scores.base;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}
