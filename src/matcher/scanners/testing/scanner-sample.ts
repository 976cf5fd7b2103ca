/**
 * The inventory the scanner fixtures were written for: a Debian 12 image with openssl's libssl3, two npm packages and
 * one PyPI package, each of which some scanner reports in its `__fixtures__`; base-files has no findings.
 */
import type { Package } from '../../../core/package.ts';
import type { Image } from '../../../image/image.ts';
import type { AnalysisResult } from '../../../pipeline/analyze.ts';

/** The packages' purls, as the inventory writes them. */
export const SAMPLE_PURLS = {
  baseFiles: 'pkg:deb/debian/base-files@12.4+deb12u5?arch=amd64&distro=debian-12',
  libssl3: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
  lodash: 'pkg:npm/lodash@4.17.20',
  minimist: 'pkg:npm/minimist@1.2.5',
  requests: 'pkg:pypi/requests@2.25.0',
} as const;

function deb(name: string, version: string, source: string, purl: string): Package {
  return {
    type: 'deb',
    namespace: 'debian',
    name,
    version,
    qualifiers: { arch: 'amd64' },
    purl,
    source: { name: source, version },
    foundBy: ['dpkg'],
    locations: [{ path: '/var/lib/dpkg/status' }],
  };
}

function library(type: 'npm' | 'pypi', name: string, version: string, purl: string, path: string): Package {
  return { type, name, version, purl, foundBy: [type === 'npm' ? 'npm' : 'python'], locations: [{ path }] };
}

/** The sample inventory as an analysis result of `example.org/app:1.0`. */
export function scannerSampleAnalysis(): AnalysisResult {
  const image: Image = {
    source: { kind: 'sbom', reference: 'sbom:app.cdx.json', target: 'app.cdx.json' },
    name: 'example.org/app:1.0',
    config: {},
    history: [],
    layers: [],
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
  return {
    image,
    warnings: [],
    inventory: {
      os: { id: 'debian', versionId: '12' },
      layers: [],
      unknowns: [],
      packages: [
        deb('base-files', '12.4+deb12u5', 'base-files', SAMPLE_PURLS.baseFiles),
        deb('libssl3', '3.0.11-1~deb12u2', 'openssl', SAMPLE_PURLS.libssl3),
        library('npm', 'lodash', '4.17.20', SAMPLE_PURLS.lodash, '/app/node_modules/lodash/package.json'),
        library('npm', 'minimist', '1.2.5', SAMPLE_PURLS.minimist, '/app/node_modules/minimist/package.json'),
        library(
          'pypi',
          'requests',
          '2.25.0',
          SAMPLE_PURLS.requests,
          '/usr/lib/python3/dist-packages/requests-2.25.0.dist-info/METADATA',
        ),
      ],
    },
  };
}

/**
 * The advisories the built-in matcher finds for the sample, as OSV records (GitHub's, trimmed). The minimist record's
 * CVSS vector is rated lower than GitHub rates it, so that the built-in and the external scanners disagree.
 */
export const SAMPLE_OSV_RECORDS = [
  {
    schema_version: '1.6.0',
    id: 'GHSA-35jh-r3h4-6jhm',
    modified: '2024-02-16T08:14:26Z',
    published: '2021-05-06T16:05:51Z',
    aliases: ['CVE-2021-23337'],
    summary: 'Command Injection in lodash',
    details: '`lodash` versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'lodash', purl: 'pkg:npm/lodash' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
      },
    ],
  },
  {
    schema_version: '1.6.0',
    id: 'GHSA-xvch-5gv4-984h',
    modified: '2024-06-21T21:33:47Z',
    published: '2022-03-18T00:01:09Z',
    aliases: ['CVE-2021-44906'],
    summary: 'Prototype Pollution in minimist',
    details:
      'Minimist <=1.2.5 is vulnerable to Prototype Pollution via file index.js, function setKey() (lines 69-95).',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:L' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'minimist', purl: 'pkg:npm/minimist' },
        ranges: [
          { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.2.4' }] },
          { type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.6' }] },
        ],
      },
    ],
  },
] as const;
