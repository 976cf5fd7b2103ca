import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGrypeOutput } from './parse.ts';

const fixture = readFileSync(new URL('./__fixtures__/grype-sbom-scan.json', import.meta.url), 'utf8');

describe('parseGrypeOutput', () => {
  it('reads every match of a Grype JSON document', () => {
    expect(parseGrypeOutput(fixture)).toEqual([
      {
        id: 'GHSA-35jh-r3h4-6jhm',
        aliases: ['CVE-2021-23337'],
        purl: 'pkg:npm/lodash@4.17.20',
        packageName: 'lodash',
        installedVersion: '4.17.20',
        fixedVersions: ['4.17.21'],
        severity: {
          level: 'HIGH',
          score: 7.2,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
          source: 'grype:github:language:javascript',
        },
        summary: 'Command Injection in lodash',
      },
      {
        id: 'GHSA-xvch-5gv4-984h',
        aliases: ['CVE-2021-44906'],
        purl: 'pkg:npm/minimist@1.2.5',
        packageName: 'minimist',
        installedVersion: '1.2.5',
        fixedVersions: ['1.2.6'],
        severity: {
          level: 'CRITICAL',
          score: 9.8,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          source: 'grype:github:language:javascript',
        },
        summary: 'Prototype Pollution in minimist',
      },
      {
        // A distro record without CVSS of its own: the level is the namespace's, the summary the related record's.
        id: 'CVE-2024-0727',
        aliases: [],
        purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
        packageName: 'libssl3',
        installedVersion: '3.0.11-1~deb12u2',
        fixedVersions: ['3.0.13-1~deb12u1'],
        severity: { level: 'MEDIUM', source: 'grype:debian:distro:debian:12' },
        summary:
          'Issue summary: Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash leading to a potential Denial of Service attack',
      },
      {
        // `wont-fix`: no fixed version, and Debian's "unimportant" as Grype names it.
        id: 'CVE-2023-5678',
        aliases: [],
        purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
        packageName: 'libssl3',
        installedVersion: '3.0.11-1~deb12u2',
        fixedVersions: [],
        severity: { level: 'NEGLIGIBLE', source: 'grype:debian:distro:debian:12' },
        summary:
          'Issue summary: Generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys or parameters may be very slow.',
      },
      {
        id: 'GHSA-j8r2-6x86-q33q',
        aliases: ['CVE-2023-32681'],
        purl: 'pkg:pypi/requests@2.25.0',
        packageName: 'requests',
        installedVersion: '2.25.0',
        fixedVersions: ['2.31.0'],
        severity: {
          level: 'MEDIUM',
          score: 6.1,
          vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
          source: 'grype:github:language:python',
        },
        summary: 'Unintended leak of Proxy-Authorization header in requests',
      },
    ]);
  });

  it('reads an empty scan, where Grype writes an empty list', () => {
    expect(parseGrypeOutput('{"matches":[],"descriptor":{"name":"grype","version":"0.86.1"}}')).toEqual([]);
  });

  it.each([
    ['no JSON', 'db could not be loaded'],
    ['another document', '{"SchemaVersion":2,"matches":"no"}'],
    ['a match without an artifact', '{"matches":[{"vulnerability":{"id":"CVE-1"}}]}'],
  ])('rejects %s', (_name, text) => {
    expect(() => parseGrypeOutput(text)).toThrow();
  });

  it('prefers the highest CVSS version, and NVD’s primary score among equals', () => {
    const match = JSON.parse(fixture).matches[0];
    match.vulnerability.cvss = [
      { version: '2.0', vector: 'AV:N/AC:L/Au:S/C:P/I:P/A:P', metrics: { baseScore: 6.5 } },
      {
        type: 'Secondary',
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
        metrics: { baseScore: 8.8 },
      },
      {
        type: 'Primary',
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
        metrics: { baseScore: 7.2 },
      },
    ];
    const [finding] = parseGrypeOutput(JSON.stringify({ matches: [match] }));
    expect(finding?.severity).toEqual({
      level: 'HIGH',
      score: 7.2,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
      source: 'grype:github:language:javascript',
    });
  });
});
