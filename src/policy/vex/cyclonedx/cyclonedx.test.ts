import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLucentError } from '../../../core/errors.ts';
import { setPath } from '../../testing/set-path.ts';
import { cycloneDxVexFormat } from './format.ts';

const fixture = () =>
  JSON.parse(readFileSync(new URL('./__fixtures__/app.vex.cdx.json', import.meta.url), 'utf8')) as {
    vulnerabilities: Record<string, unknown>[];
  } & Record<string, unknown>;

describe('CycloneDX VEX', () => {
  it('is recognised by bomFormat', () => {
    expect(cycloneDxVexFormat.detect(fixture())).toBe(true);
    expect(cycloneDxVexFormat.detect({ '@context': 'https://openvex.dev/ns/v0.2.0' })).toBe(false);
  });

  it('reads analysed vulnerabilities as statements, resolving refs to purls', () => {
    const { statements, warnings } = cycloneDxVexFormat.parse(fixture(), 'app.vex.cdx.json');
    expect(statements).toEqual([
      {
        format: 'cyclonedx',
        vulnerabilities: ['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm'],
        products: [{ ids: ['pkg:npm/lodash@4.17.20'], subcomponents: [] }],
        status: 'not_affected',
        justification: 'code_not_reachable',
        detail: 'template() is never called with user input.',
        timestamp: '2024-04-15T00:00:00Z',
        origin: 'app.vex.cdx.json vulnerabilities[0]',
      },
      {
        format: 'cyclonedx',
        vulnerabilities: ['CVE-2023-32681'],
        // 2.31.0 is listed as affected: a false_positive statement does not cover it.
        products: [{ ids: ['pkg:pypi/requests@2.25.0'], subcomponents: [] }],
        status: 'not_affected',
        detail: 'The proxy code path is not used.',
        timestamp: '2024-05-01T12:00:00Z',
        origin: 'app.vex.cdx.json vulnerabilities[1]',
      },
      {
        format: 'cyclonedx',
        vulnerabilities: ['CVE-2023-4911'],
        products: [{ ids: ['pkg:deb/debian/libc6@2.36-9+deb12u3'], subcomponents: [] }],
        status: 'fixed',
        detail: 'Rebuilt with a patched glibc.',
        timestamp: '2024-05-01T10:00:00Z',
        origin: 'app.vex.cdx.json vulnerabilities[2]',
      },
      {
        format: 'cyclonedx',
        vulnerabilities: ['CVE-2023-5678'],
        products: [{ ids: ['pkg:oci/app?repository_url=registry.example%2Fteam%2Fapp'], subcomponents: [] }],
        status: 'not_affected',
        justification: 'requires_configuration',
        timestamp: '2024-05-01T12:00:00Z',
        origin: 'app.vex.cdx.json vulnerabilities[3]',
      },
      {
        format: 'cyclonedx',
        vulnerabilities: ['CVE-2023-45133'],
        products: [{ ids: ['pkg:npm/%40babel/traverse@7.22.0'], subcomponents: [] }],
        status: 'affected',
        timestamp: '2024-05-01T12:00:00Z',
        origin: 'app.vex.cdx.json vulnerabilities[4]',
      },
    ]);
    expect(warnings).toEqual([
      'app.vex.cdx.json vulnerabilities[1]: version ranges are not evaluated; only exact versions of requests apply',
      'app.vex.cdx.json vulnerabilities[5]: affects ref app names no component with a purl; skipped',
      'app.vex.cdx.json vulnerabilities[5]: no affected component could be resolved; the statement applies to nothing',
    ]);
  });

  it.each<[string, (string | number)[], unknown, string]>([
    ['an unknown state', ['vulnerabilities', 0, 'analysis', 'state'], 'wontfix', 'vulnerabilities[0].analysis.state'],
    [
      'an affects entry without ref',
      ['vulnerabilities', 2, 'affects', 0, 'ref'],
      undefined,
      'vulnerabilities[2].affects[0].ref',
    ],
    [
      'a bad lastUpdated',
      ['vulnerabilities', 0, 'analysis', 'lastUpdated'],
      'soon',
      'analysis.lastUpdated: expected an RFC',
    ],
  ])('rejects %s, naming the field', (_name, path, value, message) => {
    const bom = fixture();
    setPath(bom, path, value);
    let text = '';
    try {
      cycloneDxVexFormat.parse(bom, 'app.vex.cdx.json');
    } catch (error) {
      if (isLucentError(error)) text = `${error.code} ${error.message}`;
    }
    expect(text).toContain('E_POLICY_FILE_INVALID invalid app.vex.cdx.json: ');
    expect(text).toContain(message);
  });
});
