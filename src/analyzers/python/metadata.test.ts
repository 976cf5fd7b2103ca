import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCoreMetadata, parseMetadataHeaders } from './metadata.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseCoreMetadata', () => {
  it.each([
    // `License: Apache 2.0` is certain; the unversioned classifier is not read once the field names a license.
    ['requests-METADATA', { type: 'pypi', name: 'requests', version: '2.31.0', licenses: ['Apache-2.0'] }],
    [
      'typing_extensions-METADATA',
      { type: 'pypi', name: 'typing-extensions', version: '4.12.2', licenses: ['PSF-2.0'] },
    ],
    ['six-PKG-INFO', { type: 'pypi', name: 'six', version: '1.16.0', licenses: ['MIT'] }],
    ['Brlapi-0.8.4.egg-info', { type: 'pypi', name: 'brlapi', version: '0.8.4', licenses: ['LGPL-2.1+'] }],
    // "LGPL" names no single license: kept as written.
    ['chardet-PKG-INFO', { type: 'pypi', name: 'chardet', version: '5.1.0', licenses: ['LGPL'] }],
    // A full license text in `License` is no id: the classifiers are read instead.
    ['gpl-text-METADATA', { type: 'pypi', name: 'some-thing-else', version: '1.0.0', licenses: ['GPL-3.0-or-later'] }],
  ])('%s', (name, expected) => {
    expect(parseCoreMetadata(fixture(name))).toEqual({ packages: [expected] });
  });

  it.each([
    ['Name: x\n', 'core metadata without Version'],
    ['Version: 1.0\n', 'core metadata without Name'],
    ['\n\nName: x\nVersion: 1\n', 'core metadata without Name'],
    ['\u0000\u0001binary', 'core metadata without Name'],
  ])('reports %j as unknown', (text, reason) => {
    expect(parseCoreMetadata(text)).toEqual({ packages: [], unknowns: [reason] });
  });

  it.each([
    [['License :: OSI Approved :: Apache Software License'], ['Apache Software License']],
    [
      ['License :: OSI Approved :: BSD License', 'License :: OSI Approved :: MIT License'],
      ['BSD License', 'MIT'],
    ],
    [['License :: OSI Approved :: GNU General Public License v2 (GPLv2)'], ['GNU General Public License v2 (GPLv2)']],
    [['License :: Other/Proprietary License'], ['Other/Proprietary License']],
    [['License :: OSI Approved', 'Topic :: Utilities'], []],
  ])('classifiers %j give %j', (classifiers, licenses) => {
    const text = `Name: x\nVersion: 1\nLicense: UNKNOWN\n${classifiers.map((c) => `Classifier: ${c}\n`).join('')}`;
    const [pkg] = parseCoreMetadata(text).packages;
    expect(pkg?.licenses).toEqual(licenses.length > 0 ? licenses : undefined);
  });
});

describe('parseMetadataHeaders', () => {
  it('keeps repeated fields, folds continuation lines and stops at the body', () => {
    const headers = parseMetadataHeaders(
      'Name: a\r\nClassifier: one\r\nClassifier: two\r\nLicense: x\r\n  y\r\n\r\nB: c',
    );
    expect(Object.fromEntries(headers)).toEqual({ name: ['a'], classifier: ['one', 'two'], license: ['x\ny'] });
  });
});
