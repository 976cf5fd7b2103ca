/**
 * The CVSS breakdown of a vulnerability detail (KubeClarity's `CVSS`: `cvssV3Vector` with named base metrics and
 * `cvssV3Metrics` with base, exploitability and impact scores), plus the CVSS v4.0 base metrics. Scores come from
 * ae-cvss-calculator; an invalid vector gives no breakdown rather than an error.
 */
import cvssCalculator from 'ae-cvss-calculator';
import type { SeverityLevel } from '../../matcher/match.ts';
import { levelOfScore } from '../../matcher/severity.ts';

// The package is CommonJS (a webpack bundle): Node's ESM loader gives only its default export.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

/** Named values of the v3 base metrics (CVSS v3.1 specification §2). */
const V3_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AV: { N: 'NETWORK', A: 'ADJACENT', L: 'LOCAL', P: 'PHYSICAL' },
  AC: { L: 'LOW', H: 'HIGH' },
  PR: { N: 'NONE', L: 'LOW', H: 'HIGH' },
  UI: { N: 'NONE', R: 'REQUIRED' },
  S: { U: 'UNCHANGED', C: 'CHANGED' },
  C: { N: 'NONE', L: 'LOW', H: 'HIGH' },
  I: { N: 'NONE', L: 'LOW', H: 'HIGH' },
  A: { N: 'NONE', L: 'LOW', H: 'HIGH' },
};

/** The v3 breakdown. */
export interface CvssV3Detail {
  cvssV3Vector: {
    vector: string;
    attackVector?: string;
    attackComplexity?: string;
    privilegesRequired?: string;
    userInteraction?: string;
    scope?: string;
    confidentiality?: string;
    integrity?: string;
    availability?: string;
  };
  cvssV3Metrics: { severity: SeverityLevel; baseScore: number; exploitabilityScore: number; impactScore: number };
}

/** The v4 breakdown: the vector's metrics as written and the base score (CVSS-B). */
export interface CvssV4Detail {
  vector: string;
  metrics: Record<string, string>;
  baseScore: number;
  severity: SeverityLevel;
}

/** The v3.x breakdown of a vector, or undefined when it does not parse. */
export function cvssV3Detail(vector: string | null | undefined): CvssV3Detail | undefined {
  if (!vector) return undefined;
  const metrics = metricsOf(vector);
  try {
    const cvss = vector.startsWith('CVSS:3.0/') ? new Cvss3P0(vector) : new Cvss3P1(vector);
    if (!cvss.isBaseFullyDefined()) return undefined;
    const scores = cvss.calculateScores() as { base?: number; impact?: number; exploitability?: number };
    if (typeof scores.base !== 'number') return undefined;
    const named = (metric: string) => V3_NAMES[metric]?.[metrics[metric] ?? ''];
    return {
      cvssV3Vector: withoutUndefined({
        vector,
        attackVector: named('AV'),
        attackComplexity: named('AC'),
        privilegesRequired: named('PR'),
        userInteraction: named('UI'),
        scope: named('S'),
        confidentiality: named('C'),
        integrity: named('I'),
        availability: named('A'),
      }),
      cvssV3Metrics: {
        severity: levelOfScore(scores.base),
        baseScore: scores.base,
        exploitabilityScore: scores.exploitability ?? 0,
        impactScore: scores.impact ?? 0,
      },
    };
  } catch {
    return undefined;
  }
}

/** The v4.0 breakdown of a vector, or undefined when it does not parse. */
export function cvssV4Detail(vector: string | null | undefined): CvssV4Detail | undefined {
  if (!vector?.startsWith('CVSS:4.0/')) return undefined;
  try {
    const cvss = new Cvss4P0(vector);
    if (!cvss.isBaseFullyDefined()) return undefined;
    const scores = cvss.calculateScores() as { baseMetricsOnly?: number; base?: number };
    const score = scores.baseMetricsOnly ?? scores.base;
    if (typeof score !== 'number') return undefined;
    return { vector, metrics: metricsOf(vector), baseScore: score, severity: levelOfScore(score) };
  } catch {
    return undefined;
  }
}

function metricsOf(vector: string): Record<string, string> {
  const metrics: Record<string, string> = {};
  for (const part of vector.split('/').slice(1)) {
    const [name, value] = part.split(':');
    if (name && value !== undefined) metrics[name] = value;
  }
  return metrics;
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
