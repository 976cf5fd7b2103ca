import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLucentError } from '../../../core/errors.ts';
import { setPath } from '../../testing/set-path.ts';
import { openVexFormat } from './format.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function errorOf(document: unknown): string {
  try {
    openVexFormat.parse(document, 'app.openvex.json');
  } catch (error) {
    if (isLucentError(error)) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error('no error');
}

describe('OpenVEX', () => {
  it('is recognised by its @context, v0.2.0 and v0.0.x', () => {
    expect(openVexFormat.detect(fixture('app.openvex.json'))).toBe(true);
    expect(openVexFormat.detect(fixture('legacy-v0.0.1.openvex.json'))).toBe(true);
    expect(openVexFormat.detect({ bomFormat: 'CycloneDX' })).toBe(false);
    expect(openVexFormat.detect(null)).toBe(false);
  });

  it('reads every statement: vulnerability ids, products with subcomponents, status, justification, time', () => {
    const { statements, warnings } = openVexFormat.parse(fixture('app.openvex.json'), 'app.openvex.json');
    expect(statements).toEqual([
      {
        format: 'openvex',
        vulnerabilities: ['CVE-2023-4911', 'https://nvd.nist.gov/vuln/detail/CVE-2023-4911', 'GHSA-m77w-6vjw-wh2f'],
        products: [
          {
            ids: [
              'pkg:oci/app@sha256%3A5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270?repository_url=registry.example%2Fteam%2Fapp',
            ],
            subcomponents: ['pkg:deb/debian/libc6@2.36-9+deb12u3?arch=amd64'],
          },
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        detail: 'The image runs no setuid binaries, so GLIBC_TUNABLES is never read with privileges.',
        timestamp: '2024-05-02T08:00:00Z',
        origin: 'app.openvex.json statements[0]',
      },
      {
        format: 'openvex',
        vulnerabilities: ['CVE-2021-23337'],
        products: [{ ids: ['pkg:npm/lodash@4.17.20'], subcomponents: [] }],
        status: 'not_affected',
        justification: 'vulnerable_code_not_present',
        timestamp: '2024-04-01T00:00:00Z',
        origin: 'app.openvex.json statements[1]',
      },
      {
        format: 'openvex',
        vulnerabilities: ['GHSA-p6mc-m468-83gw'],
        products: [{ ids: ['urn:example:product:app', 'pkg:npm/lodash'], subcomponents: [] }],
        status: 'fixed',
        detail: 'Patched in our fork of lodash.',
        timestamp: '2024-05-02T08:00:00Z',
        origin: 'app.openvex.json statements[2]',
      },
      {
        format: 'openvex',
        vulnerabilities: ['CVE-2023-45133'],
        products: [{ ids: ['pkg:npm/%40babel/traverse@7.22.0'], subcomponents: [] }],
        status: 'affected',
        detail: 'Upgrade @babel/traverse to 7.23.2.',
        timestamp: '2024-05-02T08:00:00Z',
        origin: 'app.openvex.json statements[3]',
      },
    ]);
    expect(warnings).toEqual([
      'app.openvex.json statements[4]: no product named by @id or purl; the statement applies to nothing',
    ]);
  });

  it('reads v0.0.1 documents: plain-string vulnerability and products, statement-level subcomponents', () => {
    const { statements } = openVexFormat.parse(fixture('legacy-v0.0.1.openvex.json'), 'old.json');
    expect(statements).toEqual([
      {
        format: 'openvex',
        vulnerabilities: ['CVE-2023-12345'],
        products: [
          {
            ids: ['pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64'],
            subcomponents: ['pkg:apk/wolfi/git@2.39.0-r1?arch=armv7'],
          },
        ],
        status: 'not_affected',
        justification: 'component_not_present',
        timestamp: '2023-01-08T18:02:03.647787998-06:00',
        origin: 'old.json statements[0]',
      },
    ]);
  });

  it.each<[string, (string | number)[], unknown, string]>([
    ['an unknown status', ['statements', 1, 'status'], 'wont_fix', 'statements[1].status: Invalid option'],
    [
      'an unknown justification',
      ['statements', 0, 'justification'],
      'x',
      'statements[0].justification: Invalid option',
    ],
    [
      'a vulnerability without name',
      ['statements', 1, 'vulnerability', 'name'],
      undefined,
      'statements[1].vulnerability',
    ],
    ['a bad timestamp', ['statements', 1, 'timestamp'], 'yesterday', 'statements[1].timestamp: expected an RFC 3339'],
    ['no statements', ['statements'], undefined, 'statements: Invalid input: expected array, received undefined'],
  ])('rejects %s, naming the field', (_name, path, value, message) => {
    const doc = fixture('app.openvex.json');
    setPath(doc, path, value);
    const error = errorOf(doc);
    expect(error).toContain('E_POLICY_FILE_INVALID invalid app.openvex.json: ');
    expect(error).toContain(message);
  });
});
