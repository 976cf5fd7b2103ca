import { describe, expect, it } from 'vitest';
import { foldLinkedFindings } from './fold-findings.ts';
import type { Finding } from './match.ts';

function finding(
  id: string,
  aliases: string[],
  fixed: string[],
  purl = 'pkg:deb/ubuntu/libwayland-client0@1.20.0-1',
): Finding {
  return {
    id,
    aliases,
    packagePurl: purl,
    packageName: 'libwayland-client0',
    installedVersion: '1.20.0-1',
    fixedVersions: fixed,
    evidence: [
      {
        kind: 'range',
        comparator: 'deb',
        recordId: id.startsWith('CVE-') ? `UBUNTU-${id}` : id,
        ecosystem: 'Ubuntu:22.04:LTS',
        comparedVersion: '1.20.0-1',
      },
    ],
  };
}

describe('foldLinkedFindings', () => {
  it('folds a notice into the CVE finding it shares an id with', () => {
    const cve = finding('CVE-2021-3782', ['UBUNTU-CVE-2021-3782'], ['1.20.0-1ubuntu0.1']);
    const usn = finding('USN-5614-1', ['UBUNTU-CVE-2021-3782'], ['1.20.0-1ubuntu0.1']);
    const folded = foldLinkedFindings([cve, usn]);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({
      id: 'CVE-2021-3782',
      aliases: ['UBUNTU-CVE-2021-3782', 'USN-5614-1'],
      fixedVersions: ['1.20.0-1ubuntu0.1'],
    });
    expect(folded[0]?.evidence.map((item) => item.recordId)).toEqual(['UBUNTU-CVE-2021-3782', 'USN-5614-1']);
  });

  it('gives a notice of two CVEs to both, each keeping only its own Ubuntu CVE id, fixes in dpkg order', () => {
    const a = finding('CVE-2024-1', ['UBUNTU-CVE-2024-1'], ['1.20.0-1ubuntu0.2']);
    const b = finding('CVE-2024-2', ['UBUNTU-CVE-2024-2'], []);
    const usn = finding('USN-1-1', ['UBUNTU-CVE-2024-1', 'UBUNTU-CVE-2024-2'], ['1.20.0-1ubuntu0.10']);
    const folded = foldLinkedFindings([a, b, usn]);
    expect(folded.map((item) => [item.id, item.aliases, item.fixedVersions])).toEqual([
      ['CVE-2024-1', ['UBUNTU-CVE-2024-1', 'USN-1-1'], ['1.20.0-1ubuntu0.2', '1.20.0-1ubuntu0.10']],
      ['CVE-2024-2', ['UBUNTU-CVE-2024-2', 'USN-1-1'], ['1.20.0-1ubuntu0.10']],
    ]);
  });

  it('merges CVE-less findings that name each other under the lowest id, and leaves other packages alone', () => {
    const go = finding('GO-2022-0379', ['GHSA-qq97-vm5h-rrhg'], ['2.8.0+incompatible']);
    const ghsa = finding('GHSA-qq97-vm5h-rrhg', [], ['2.8.0+incompatible']);
    const elsewhere = finding('GHSA-qq97-vm5h-rrhg', [], [], 'pkg:golang/other@v1.0.0');
    const unrelated = finding('GO-2099-0001', [], []);
    const folded = foldLinkedFindings([go, ghsa, elsewhere, unrelated]);
    expect(folded.map((item) => [item.id, item.aliases, item.packagePurl.split('@')[0]])).toEqual([
      ['GHSA-qq97-vm5h-rrhg', ['GO-2022-0379'], 'pkg:deb/ubuntu/libwayland-client0'],
      ['GHSA-qq97-vm5h-rrhg', [], 'pkg:golang/other'],
      ['GO-2099-0001', [], 'pkg:deb/ubuntu/libwayland-client0'],
    ]);
  });

  it('never merges two CVE findings, even when a multi-CVE advisory links them', () => {
    const a = finding('CVE-2022-23824', ['DSA-5378-1'], ['4.14.5+94-ge49571868d-1']);
    const b = finding('CVE-2022-42331', ['DSA-5378-1'], ['4.14.5+94-ge49571868d-1']);
    expect(foldLinkedFindings([a, b])).toEqual([a, b]);
  });
});
