/**
 * Licenses of Python distributions, in the order core metadata defines them: `License-Expression` (PEP 639, already
 * SPDX), then a one-line `License` field, then `License ::` trove classifiers. Values become SPDX ids only where the
 * mapping is certain; anything else is kept as written (an unversioned "Apache Software License" or "BSD License"
 * names no single SPDX license).
 */
import { fixupSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';

/** Trove classifiers (https://pypi.org/classifiers/) that name exactly one SPDX license. */
const CLASSIFIER_SPDX: Record<string, string> = {
  'OSI Approved :: MIT License': 'MIT',
  'OSI Approved :: MIT No Attribution License (MIT-0)': 'MIT-0',
  'OSI Approved :: ISC License (ISCL)': 'ISC',
  'OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
  'OSI Approved :: Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
  'OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
  'OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)': 'EUPL-1.2',
  'OSI Approved :: GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
  'OSI Approved :: GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
  'OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
  'OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
  'OSI Approved :: The Unlicense (Unlicense)': 'Unlicense',
  'OSI Approved :: Universal Permissive License (UPL)': 'UPL-1.0',
  'CC0 1.0 Universal (CC0 1.0) Public Domain Dedication': 'CC0-1.0',
};

/** `License` field spellings that name exactly one SPDX license but are not SPDX ids themselves. */
const LICENSE_FIELD_SPDX: Record<string, string> = {
  'mit license': 'MIT',
  'apache 2.0': 'Apache-2.0',
  'apache license 2.0': 'Apache-2.0',
  'apache license, version 2.0': 'Apache-2.0',
  'apache software license 2.0': 'Apache-2.0',
};

/** The license fields of one distribution. */
export interface PythonLicenseFields {
  expression: string | undefined;
  license: string | undefined;
  classifiers: readonly string[];
}

/** Licenses of a distribution: SPDX where certain, else as written; empty when it states none. */
export function pythonLicenses(fields: PythonLicenseFields): string[] {
  const expression = fields.expression?.trim();
  if (expression) return [expression];
  const license = licenseField(fields.license);
  if (license) return [license];
  return [...new Set(fields.classifiers.flatMap(classifierLicense))];
}

/** A `License` field as an id: full license texts (several lines) and placeholders are no id. */
function licenseField(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text.includes('\n') || text.length > 100 || /^(unknown|none|n\/a)$/i.test(text)) return undefined;
  return LICENSE_FIELD_SPDX[text.toLowerCase()] ?? fixupSpdxId(text) ?? text;
}

function classifierLicense(classifier: string): string[] {
  const match = /^License\s*::\s*(.+)$/.exec(classifier.trim());
  if (!match?.[1]) return [];
  const rest = match[1].trim();
  const spdx = CLASSIFIER_SPDX[rest];
  if (spdx) return [spdx];
  const last = rest.split('::').at(-1)?.trim();
  // "License :: OSI Approved" alone only says that some approved license applies.
  return last && rest !== 'OSI Approved' ? [last] : [];
}
