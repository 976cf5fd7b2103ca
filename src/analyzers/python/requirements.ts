/**
 * pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Only requirements
 * pinned with `==` (or `===`) name a version; ranges, URLs and editable installs do not and are passed over. Comments, options,
 * environment markers and `--hash` are ignored. Included files (`-r`, `-c`) are other files: this parser sees one
 * file, so each include is reported as an unknown for the reader to follow up.
 */
import type { AnalyzerResult } from '../analyzer.ts';
import { pypiPackage } from './names.ts';

// PEP 508 name, optional extras, then the version specifiers up to a marker (`;`) or an option (` --hash`).
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*([^;]*?)\s*(?:;.*)?$/;
// PEP 440 public and local version characters; a `*` makes `==` a prefix match, not a pin.
const PINNED_VERSION = /^[A-Za-z0-9][A-Za-z0-9.+!_-]*$/;

/** The pinned requirements of one requirements file. */
export function parseRequirements(text: string): AnalyzerResult {
  const packages: AnalyzerResult['packages'] = [];
  const unknowns: string[] = [];
  for (const { line, number } of logicalLines(text)) {
    if (line.startsWith('-')) {
      const include = /^(?:-r|--requirement|-c|--constraint)(?:\s*=?\s*)(\S+)/.exec(line);
      if (include) unknowns.push(`line ${number}: includes ${include[1]}, which is not followed`);
      continue;
    }
    // Options after a requirement (`--hash=...`) are not part of it.
    const requirement = line.replace(/\s+--?[a-z].*$/, '');
    if (/^\S+:\/\//.test(requirement) || /^[./]/.test(requirement)) continue; // a URL or a local path
    const match = REQUIREMENT.exec(requirement);
    if (!match?.[1]) {
      unknowns.push(`line ${number}: not a requirement: ${line.slice(0, 80)}`);
      continue;
    }
    const version = pinnedVersion(match[2] ?? '');
    if (version) packages.push(pypiPackage(match[1], version));
  }
  return unknowns.length > 0 ? { packages, unknowns } : { packages };
}

/** The version of the one `==` clause, when there is exactly one and it is not a wildcard. */
function pinnedVersion(specifiers: string): string | undefined {
  if (specifiers.startsWith('@')) return undefined; // `name @ url`
  const pins = specifiers
    .split(',')
    .map((clause) => /^\s*===?\s*(\S+)\s*$/.exec(clause)?.[1])
    .filter((version) => version !== undefined);
  return pins.length === 1 && pins[0] && PINNED_VERSION.test(pins[0]) ? pins[0] : undefined;
}

/** Lines with `\` continuations joined and comments (`#` at the start or after whitespace) removed. */
function logicalLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  let pending = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (pending === '') start = index + 1;
    if (raw.endsWith('\\')) {
      pending += `${raw.slice(0, -1)} `;
      return;
    }
    const line = `${pending}${raw}`.replace(/(^|\s)#.*$/, '').trim();
    pending = '';
    if (line !== '') out.push({ line, number: start });
  });
  if (pending.trim() !== '') out.push({ line: pending.replace(/(^|\s)#.*$/, '').trim(), number: start });
  return out;
}
