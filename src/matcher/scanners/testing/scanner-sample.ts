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
