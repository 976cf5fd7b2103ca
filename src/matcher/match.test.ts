import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alpineSecdbImporter } from '../advisories/importers/alpine-secdb/index.ts';
import { type OsvRecord, osvRecordSchema } from '../advisories/osv/schema.ts';
import type { Package } from '../core/package.ts';
import { osFromPurls } from './ecosystems.ts';
import { type AdvisoryLookup, matchPackages } from './match.ts';

function record(file: string): OsvRecord {
  return osvRecordSchema.parse(JSON.parse(readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url), 'utf8')));
}

/** An in-memory lookup over records, as the advisory DB answers it. */
function lookupOf(records: OsvRecord[]): AdvisoryLookup {
  return {
    recordsFor: (ecosystem, name) =>
      records.filter((item) =>
        (item.affected ?? []).some(
          (entry) =>
            entry.package?.ecosystem === ecosystem &&
            entry.package.name.toLowerCase().replace(/[-_.]+/g, '-') === name.toLowerCase().replace(/[-_.]+/g, '-'),
        ),
      ),
  };
}

function pkg(fields: Partial<Package> & Pick<Package, 'type' | 'name' | 'version'>): Package {
  return {
    purl: `pkg:${fields.type}/${fields.name}@${fields.version}`,
    foundBy: ['test'],
    locations: [{ path: '/x' }],
    ...fields,
  };
}

describe('matchPackages', () => {
  it('matches language packages by ecosystem and name, with evidence', () => {
    const findings = matchPackages(
      [
        pkg({ type: 'pypi', name: 'cherrypy', version: '3.0.1' }),
        pkg({ type: 'pypi', name: 'cherrypy2', version: '3.0.1' }),
        pkg({ type: 'golang', namespace: 'github.com/gin-gonic', name: 'gin', version: 'v1.5.0' }),
        pkg({
          type: 'golang',
          namespace: 'github.com/gin-gonic',
          name: 'gin',
          version: 'v1.6.0',
          purl: 'pkg:golang/gin@1.6.0',
        }),
      ],
      undefined,
      lookupOf([record('PYSEC-2008-3.json'), record('GO-2020-0001.json')]),
    );
    expect(
      findings.map((finding) => [finding.packageName, finding.installedVersion, finding.id, finding.fixedVersions]),
    ).toEqual([
      ['cherrypy', '3.0.1', 'CVE-2008-0252', ['3.0.2']],
      ['gin', 'v1.5.0', 'CVE-2020-36567', ['1.6.0']],
    ]);
    expect(findings[0]?.evidence).toEqual([
      {
        kind: 'range',
        rangeType: 'ECOSYSTEM',
        introduced: '3.0',
        fixed: '3.0.2',
        comparator: 'pep440',
        recordId: 'PYSEC-2008-3',
        ecosystem: 'PyPI',
        comparedVersion: '3.0.1',
        location: { path: '/x' },
      },
    ]);
  });

  it('matches OS packages on their source package and source version in the release’s ecosystem', () => {
    const dsa: OsvRecord = {
      id: 'DSA-5380-1',
      modified: '2023-03-29T00:00:00Z',
      aliases: ['CVE-2023-1393'],
      affected: [
        {
          package: { ecosystem: 'Debian:11', name: 'xorg-server' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2:1.20.11-1+deb11u6' }] }],
        },
      ],
    };
    const os = { id: 'debian', versionId: '11' };
    const binary = pkg({
      type: 'deb',
      name: 'xserver-common',
      version: '2:1.20.11-1+deb11u5',
      source: { name: 'xorg-server', version: '2:1.20.11-1+deb11u5' },
    });
    const fixed = pkg({
      type: 'deb',
      name: 'xvfb',
      version: '2:1.20.11-1+deb11u6+b1',
      source: { name: 'xorg-server', version: '2:1.20.11-1+deb11u6' },
    });
    const findings = matchPackages([binary, fixed], os, lookupOf([dsa]));
    expect(
      findings.map((finding) => [finding.packageName, finding.id, finding.aliases, finding.fixedVersions]),
    ).toEqual([['xserver-common', 'CVE-2023-1393', ['DSA-5380-1'], ['2:1.20.11-1+deb11u6']]]);
    // The same package in another release is not looked up in Debian:11.
    expect(matchPackages([binary], { id: 'debian', versionId: '12' }, lookupOf([dsa]))).toEqual([]);
  });

  it('merges records that name the same CVE into one finding per package, and skips withdrawn records', () => {
    const base = record('PYSEC-2008-3.json');
    const ghsa: OsvRecord = { ...base, id: 'GHSA-xxxx-yyyy-zzzz', aliases: ['CVE-2008-0252'] };
    const withdrawn: OsvRecord = {
      ...base,
      id: 'PYSEC-2008-999',
      aliases: ['CVE-2008-9999'],
      withdrawn: '2024-01-01T00:00:00Z',
    };
    const findings = matchPackages(
      [pkg({ type: 'pypi', name: 'cherrypy', version: '2.1.0' })],
      undefined,
      lookupOf([base, ghsa, withdrawn]),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'CVE-2008-0252',
      aliases: ['GHSA-xxxx-yyyy-zzzz', 'PYSEC-2008-3'],
      fixedVersions: ['2.1.1'],
    });
    expect(findings[0]?.evidence.map((evidence) => evidence.recordId)).toEqual(['PYSEC-2008-3', 'GHSA-xxxx-yyyy-zzzz']);
  });
});

describe('matchPackages with Alpine secdb records', () => {
  it('reports a fix secdb names by its XSA id alone under that public id, not the per-file record id', () => {
    // Real secdb v3.11/main: xen 4.7.1-r5 fixes `XSA-207` (no CVE) and `CVE-2017-2615 XSA-208`.
    const secdb = alpineSecdbImporter.parse(
      'v3.11-main.yaml',
      readFileSync(new URL('../advisories/importers/alpine-secdb/__fixtures__/v3.11-main.yaml', import.meta.url)),
    );
    const records = (secdb.records ?? []).filter((item) =>
      ['ALPINE-v3.11-main-XSA-207', 'ALPINE-v3.11-main-CVE-2017-2615'].includes(item.id),
    );
    expect(records).toHaveLength(2);
    const xen = pkg({ type: 'apk', name: 'xen', version: '4.7.1-r4', source: { name: 'xen', version: '4.7.1-r4' } });
    const findings = matchPackages([xen], { id: 'alpine', versionId: '3.11.5' }, lookupOf(records));
    expect(findings.map((finding) => [finding.id, finding.aliases, finding.fixedVersions])).toEqual([
      ['CVE-2017-2615', ['ALPINE-v3.11-main-CVE-2017-2615'], ['4.7.1-r5']],
      ['XSA-207', ['ALPINE-v3.11-main-XSA-207'], ['4.7.1-r5']],
    ]);
    expect(findings[1]?.evidence.map((item) => item.recordId)).toEqual(['ALPINE-v3.11-main-XSA-207']);
  });
});

describe('matchPackages with a distro advisory for several CVEs', () => {
  it('gives one finding per CVE, each naming the advisory among its aliases', () => {
    const dsa: OsvRecord = {
      id: 'DSA-5378-1',
      modified: '2023-03-25T00:00:00Z',
      aliases: ['CVE-2022-23824', 'CVE-2022-42331'],
      affected: [
        {
          package: { ecosystem: 'Debian:11', name: 'xen' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.14.5+94-ge49571868d-1' }] }],
        },
      ],
    };
    const findings = matchPackages(
      [
        pkg({
          type: 'deb',
          name: 'xen-utils-common',
          version: '4.14.5+24-g87d90d511c-1',
          source: { name: 'xen', version: '4.14.5+24-g87d90d511c-1' },
        }),
      ],
      { id: 'debian', versionId: '11' },
      lookupOf([dsa]),
    );
    expect(findings.map((finding) => [finding.id, finding.aliases])).toEqual([
      ['CVE-2022-23824', ['DSA-5378-1']],
      ['CVE-2022-42331', ['DSA-5378-1']],
    ]);
  });
});

describe('osFromPurls', () => {
  it.each([
    [['pkg:npm/x@1', 'pkg:deb/debian/curl@7.88.1?arch=amd64&distro=debian-12'], { id: 'debian', versionId: '12' }],
    [['pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=3.11.5'], { id: 'alpine', versionId: '3.11.5' }],
    [['pkg:deb/ubuntu/bash@5.1?distro=ubuntu-22.04'], { id: 'ubuntu', versionId: '22.04' }],
    [['pkg:deb/debian/curl@7.88.1?distro=bookworm'], undefined],
    [['pkg:pypi/requests@2.31.0'], undefined],
  ])('%j', (purls, os) => {
    expect(osFromPurls(purls)).toEqual(os);
  });
});
