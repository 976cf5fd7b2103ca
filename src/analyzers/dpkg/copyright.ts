/**
 * Licenses from machine-readable Debian copyright files (DEP-5,
 * https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/). Free-form copyright files give nothing: their
 * license cannot be read without guessing.
 */
import { field, parseParagraphs } from './control.ts';

// The format URL of version 1.0, and the draft URLs older packages still carry (dep.debian.net/deps/dep5).
const FORMAT = /copyright-format\/1\.0|dep\.debian\.net\/deps\/dep5/i;

/**
 * Debian short names whose SPDX identifier is certain (the table in copyright-format 1.0 §"License short name", and
 * SPDX's list). Anything else is kept as written: `public-domain`, `Artistic` (which Artistic?), `GPL-2+ with … exception`.
 */
const SPDX: Record<string, string> = {
  'apache-2.0': 'Apache-2.0',
  'artistic-2.0': 'Artistic-2.0',
  'bsd-2-clause': 'BSD-2-Clause',
  'bsd-3-clause': 'BSD-3-Clause',
  'bsd-4-clause': 'BSD-4-Clause',
  'cc0-1.0': 'CC0-1.0',
  expat: 'MIT',
  isc: 'ISC',
  'mpl-1.1': 'MPL-1.1',
  'mpl-2.0': 'MPL-2.0',
  zlib: 'Zlib',
  ...versioned('GPL', ['1', '2', '3']),
  ...versioned('LGPL', ['2', '2.1', '3']),
  ...versioned('AGPL', ['3']),
  ...versioned('GFDL', ['1.1', '1.2', '1.3']),
};

/** `GPL-2` → GPL-2.0-only, `GPL-2+` → GPL-2.0-or-later, `GPL-2.0+` too. */
function versioned(family: string, versions: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const version of versions) {
    const full = version.includes('.') ? version : `${version}.0`;
    for (const written of new Set([version, full])) {
      out[`${family}-${written}`.toLowerCase()] = `${family}-${full}-only`;
      out[`${family}-${written}+`.toLowerCase()] = `${family}-${full}-or-later`;
    }
  }
  return out;
}

/** The SPDX id of a Debian license short name when certain, else the name as written. */
export function spdxForDebianLicense(name: string): string {
  return SPDX[name.toLowerCase()] ?? name;
}

/**
 * The licenses a DEP-5 copyright file names (first line of every `License:` field, split at `or`/`and`/`,`,
 * de-duplicated in order of appearance), or undefined when the file is not machine-readable.
 */
export function parseCopyrightLicenses(text: string): string[] | undefined {
  const paragraphs = parseParagraphs(text);
  const header = paragraphs[0];
  if (!header || !FORMAT.test(field(header, 'Format') ?? '')) return undefined;
  const out = new Set<string>();
  for (const paragraph of paragraphs) {
    const synopsis = field(paragraph, 'License')?.split('\n')[0]?.trim();
    if (!synopsis) continue;
    for (const name of synopsis.split(/\s+(?:or|and)\s+|\s*,\s*/i)) {
      if (name.trim()) out.add(spdxForDebianLicense(name.trim()));
    }
  }
  return [...out];
}
