/**
 * Installed distributions: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO` and single-file `*.egg-info`. All three are
 * core metadata (https://packaging.python.org/en/latest/specifications/core-metadata/): RFC 822-style headers up to
 * the first blank line, then the description, which is ignored.
 */
import type { AnalyzerResult } from '../analyzer.ts';
import { pythonLicenses } from './license.ts';
import { pypiPackage } from './names.ts';

/** Header values by lower-cased field name, in file order (fields like Classifier repeat). */
export function parseMetadataHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    // Only an empty line ends the headers; a line of spaces continues a folded field (as Python's email parser reads it).
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      // A folded continuation line (RFC 822 §3.1.1): part of the previous field.
      if (last) last[last.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      last = undefined;
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    const values = headers.get(key) ?? [];
    values.push(line.slice(colon + 1).trim());
    headers.set(key, values);
    last = values;
  }
  return headers;
}

/** The distribution that a core metadata file describes. */
export function parseCoreMetadata(text: string): AnalyzerResult {
  const headers = parseMetadataHeaders(text);
  const name = headers.get('name')?.[0];
  const version = headers.get('version')?.[0];
  if (!name || !version) return { packages: [], unknowns: [`core metadata without ${name ? 'Version' : 'Name'}`] };
  const licenses = pythonLicenses({
    expression: headers.get('license-expression')?.[0],
    license: headers.get('license')?.[0],
    classifiers: headers.get('classifier') ?? [],
  });
  return { packages: [pypiPackage(name, version, licenses.length > 0 ? { licenses } : {})] };
}
