/**
 * CVSS vector strings broken into named metrics for display (CVSS v3.1 §2–4, https://www.first.org/cvss/v3.1/
 * specification-document; CVSS v4.0 §2, https://www.first.org/cvss/v4.0/specification-document). Scores come from the
 * server (computed with a CVSS library); this only names the metrics and their values.
 */

/** One metric of a vector: its abbreviation and value, and their names. */
export interface VectorMetric {
  key: string;
  name: string;
  value: string;
  valueName: string;
}

const V3_NAMES: Record<string, [string, Record<string, string>]> = {
  AV: ['Attack vector', { N: 'Network', A: 'Adjacent', L: 'Local', P: 'Physical' }],
  AC: ['Attack complexity', { L: 'Low', H: 'High' }],
  PR: ['Privileges required', { N: 'None', L: 'Low', H: 'High' }],
  UI: ['User interaction', { N: 'None', R: 'Required' }],
  S: ['Scope', { U: 'Unchanged', C: 'Changed' }],
  C: ['Confidentiality', { N: 'None', L: 'Low', H: 'High' }],
  I: ['Integrity', { N: 'None', L: 'Low', H: 'High' }],
  A: ['Availability', { N: 'None', L: 'Low', H: 'High' }],
  E: ['Exploit code maturity', { X: 'Not defined', U: 'Unproven', P: 'Proof of concept', F: 'Functional', H: 'High' }],
  RL: [
    'Remediation level',
    { X: 'Not defined', O: 'Official fix', T: 'Temporary fix', W: 'Workaround', U: 'Unavailable' },
  ],
  RC: ['Report confidence', { X: 'Not defined', U: 'Unknown', R: 'Reasonable', C: 'Confirmed' }],
};

const NLH = { N: 'None', L: 'Low', H: 'High' };
const V4_NAMES: Record<string, [string, Record<string, string>]> = {
  AV: ['Attack vector', { N: 'Network', A: 'Adjacent', L: 'Local', P: 'Physical' }],
  AC: ['Attack complexity', { L: 'Low', H: 'High' }],
  AT: ['Attack requirements', { N: 'None', P: 'Present' }],
  PR: ['Privileges required', NLH],
  UI: ['User interaction', { N: 'None', P: 'Passive', A: 'Active' }],
  VC: ['Confidentiality (vulnerable system)', NLH],
  VI: ['Integrity (vulnerable system)', NLH],
  VA: ['Availability (vulnerable system)', NLH],
  SC: ['Confidentiality (subsequent systems)', NLH],
  SI: ['Integrity (subsequent systems)', NLH],
  SA: ['Availability (subsequent systems)', NLH],
  E: ['Exploit maturity', { X: 'Not defined', A: 'Attacked', P: 'Proof of concept', U: 'Unreported' }],
};

/** The CVSS version of a vector ("3.1", "4.0"), or null when it is not a CVSS v3/v4 vector. */
export function vectorVersion(vector: string): string | null {
  return /^CVSS:(3\.[01]|4\.0)\//.exec(vector)?.[1] ?? null;
}

/** The vector's metrics in order, named; unknown metrics are kept with their abbreviations. */
export function parseVector(vector: string): VectorMetric[] {
  const version = vectorVersion(vector);
  if (!version) return [];
  const names = version.startsWith('4') ? V4_NAMES : V3_NAMES;
  return vector
    .split('/')
    .slice(1)
    .map((part) => part.split(':'))
    .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== '' && pair[1] !== '')
    .map(([key, value]) => {
      const known = names[key];
      return { key, name: known?.[0] ?? key, value, valueName: known?.[1][value] ?? value };
    });
}

/** Severity rating of a CVSS score (the same bands in v3.1 and v4.0). */
export function scoreRating(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'UNKNOWN';
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}
