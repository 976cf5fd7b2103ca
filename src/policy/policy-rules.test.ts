/** The policy with ignore rules, VEX statements and KEV/EPSS conditions: tables over small findings. */
import { describe, expect, it } from 'vitest';
import type { Finding, SeverityLevel } from '../matcher/match.ts';
import type { IgnoreRule } from './ignore-rules.ts';
import { applyPolicy, failureMessages, type Policy, type PolicyContext, parseEpssThreshold } from './policy.ts';
import type { VexStatement } from './vex-statements.ts';

const OPENSSL = 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12';
const LODASH = 'pkg:npm/lodash@4.17.20';
const SCOPED = 'pkg:npm/%40babel/traverse@7.22.0';
const REQUESTS = 'pkg:pypi/requests@2.25.0';

function finding(id: string, purl: string, extra: Partial<Finding> = {}, level: SeverityLevel = 'HIGH'): Finding {
  const name = decodeURIComponent(/^pkg:[^/]+\/(?:[^/]+\/)?([^@]+)@/.exec(purl.replace('%40babel/', ''))?.[1] ?? '');
  return {
    id,
    aliases: [],
    packagePurl: purl,
    packageName: purl.includes('%40babel') ? '@babel/traverse' : name,
    installedVersion: /@([^?]+)/.exec(purl)?.[1] ?? '',
    fixedVersions: ['9'],
    evidence: [],
    severity: { level, source: 'test' },
    ...extra,
  };
}

const findings = [
  finding('CVE-2023-5678', OPENSSL, { aliases: ['DSA-5532-1'] }),
  finding('CVE-2021-23337', LODASH, { aliases: ['GHSA-35jh-r3h4-6jhm'] }, 'CRITICAL'),
  finding('CVE-2023-45133', SCOPED, { aliases: ['GHSA-67hx-6x53-jw92'] }, 'CRITICAL'),
  finding('CVE-2023-32681', REQUESTS, { aliases: ['GHSA-j8r2-6x86-q33q', 'PYSEC-2023-74'] }, 'MEDIUM'),
];

const context: PolicyContext = { now: new Date('2026-06-01T12:00:00Z') };

function run(policy: Policy, ctx: PolicyContext = context) {
  const outcome = applyPolicy(findings, policy, ctx);
  return {
    reported: outcome.reported.map((item) => item.id),
    suppressed: outcome.suppressed.map((item) => `${item.finding.id} ${item.source} ${item.origin ?? ''}`.trim()),
    warnings: outcome.warnings,
    outcome,
  };
}

const rule = (fields: Omit<IgnoreRule, 'origin'>, index = 0): IgnoreRule => ({
  ...fields,
  origin: `.lucent.yaml ignore[${index}]`,
});

describe('ignore rules', () => {
  it.each<[string, Omit<IgnoreRule, 'origin'>, string[]]>([
    ['an id', { id: 'CVE-2023-5678' }, ['CVE-2023-5678']],
    ['an id in another case', { id: 'cve-2023-5678' }, ['CVE-2023-5678']],
    ['an alias (GHSA)', { id: 'GHSA-35jh-r3h4-6jhm' }, ['CVE-2021-23337']],
    ['an alias (DSA)', { id: 'DSA-5532-1' }, ['CVE-2023-5678']],
    ['an alias (PYSEC)', { id: 'PYSEC-2023-74' }, ['CVE-2023-32681']],
    ['an unknown id', { id: 'CVE-1999-0001' }, []],
    ['a package name', { package: 'openssl' }, ['CVE-2023-5678']],
    ['a name glob', { package: 'lo*' }, ['CVE-2021-23337']],
    ['a scoped name glob', { package: '@babel/*' }, ['CVE-2023-45133']],
    ['a glob that does not cross /', { package: '*traverse' }, []],
    ['a versionless purl', { package: 'pkg:npm/lodash' }, ['CVE-2021-23337']],
    ['a purl glob on a version', { package: 'pkg:npm/lodash@4.17.*' }, ['CVE-2021-23337']],
    ['a purl glob on another version', { package: 'pkg:npm/lodash@4.18.*' }, []],
    ['a purl with qualifiers stripped', { package: 'pkg:deb/debian/openssl@3.0.11-1~deb12u2' }, ['CVE-2023-5678']],
    ['a purl glob on a type', { package: 'pkg:npm/**' }, ['CVE-2021-23337', 'CVE-2023-45133']],
    ['a purl with @scope written plainly', { package: 'pkg:npm/@babel/traverse' }, ['CVE-2023-45133']],
    ['an id in a package', { id: 'CVE-2023-5678', package: 'openssl' }, ['CVE-2023-5678']],
    ['an id in another package', { id: 'CVE-2023-5678', package: 'libssl3' }, []],
  ])('matches %s', (_name, fields, suppressed) => {
    const result = run({ ignore: [rule(fields)] });
    expect(result.suppressed).toEqual(suppressed.map((id) => `${id} ignore-file .lucent.yaml ignore[0]`));
    expect(result.reported).toEqual(findings.map((item) => item.id).filter((id) => !suppressed.includes(id)));
  });

  it.each([
    ['2026-06-01', true],
    ['2026-05-31', false],
    ['2026-06-01T12:00:01Z', true],
    ['2026-06-01T12:00:00Z', false],
    ['2026-06-01T13:00:00+02:00', false],
    ['2026-06-01T15:00:00+02:00', true],
  ])('expires %s: in force at 2026-06-01T12:00Z → %s', (expires, inForce) => {
    const result = run({ ignore: [rule({ id: 'CVE-2023-5678', reason: 'accepted', expires })] });
    expect(result.suppressed).toEqual(inForce ? ['CVE-2023-5678 ignore-file .lucent.yaml ignore[0]'] : []);
    expect(result.warnings).toEqual(
      inForce ? [] : [`.lucent.yaml ignore[0] (CVE-2023-5678) expired on ${expires}: it no longer suppresses anything`],
    );
  });

  it('takes the reason from the rule, or names the rule', () => {
    const outcome = applyPolicy(
      findings,
      { ignore: [rule({ id: 'CVE-2023-5678', reason: 'not reachable' }), rule({ package: 'lodash' }, 1)] },
      context,
    );
    expect(outcome.suppressed.map((item) => item.reason)).toEqual([
      'not reachable',
      'ignored by .lucent.yaml ignore[1]',
    ]);
  });
});

const IMAGE = 'pkg:oci/app@sha256:aaaa?arch=amd64&repository_url=registry.example%2Fteam%2Fapp';

function statement(fields: Partial<VexStatement> & Pick<VexStatement, 'vulnerabilities' | 'products'>, index = 0) {
  return {
    format: 'openvex',
    status: 'not_affected',
    origin: `vex.json statements[${index}]`,
    ...fields,
  } as VexStatement;
}

describe('VEX statements', () => {
  it.each<[string, Partial<VexStatement> & Pick<VexStatement, 'vulnerabilities' | 'products'>, string[]]>([
    [
      'the package purl, exactly',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: [LODASH], subcomponents: [] }] },
      ['CVE-2021-23337'],
    ],
    [
      'the package purl without version',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: ['pkg:npm/lodash'], subcomponents: [] }] },
      ['CVE-2021-23337'],
    ],
    [
      'another version',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: ['pkg:npm/lodash@4.17.21'], subcomponents: [] }] },
      [],
    ],
    [
      'another package',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: ['pkg:npm/underscore'], subcomponents: [] }] },
      [],
    ],
    [
      'another vulnerability',
      { vulnerabilities: ['CVE-2020-8203'], products: [{ ids: [LODASH], subcomponents: [] }] },
      [],
    ],
    [
      'the finding alias as name',
      { vulnerabilities: ['GHSA-35jh-r3h4-6jhm'], products: [{ ids: [LODASH], subcomponents: [] }] },
      ['CVE-2021-23337'],
    ],
    [
      'an URL @id',
      {
        vulnerabilities: ['https://nvd.nist.gov/vuln/detail/CVE-2021-23337'],
        products: [{ ids: [LODASH], subcomponents: [] }],
      },
      ['CVE-2021-23337'],
    ],
    [
      'a deb purl without qualifiers',
      {
        vulnerabilities: ['CVE-2023-5678'],
        products: [{ ids: ['pkg:deb/debian/openssl@3.0.11-1~deb12u2'], subcomponents: [] }],
      },
      ['CVE-2023-5678'],
    ],
    [
      'a deb purl with another distro spelling',
      {
        vulnerabilities: ['CVE-2023-5678'],
        products: [{ ids: ['pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12.4'], subcomponents: [] }],
      },
      ['CVE-2023-5678'],
    ],
    [
      'a deb purl of another arch',
      {
        vulnerabilities: ['CVE-2023-5678'],
        products: [{ ids: ['pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=arm64'], subcomponents: [] }],
      },
      [],
    ],
    [
      'a pypi purl in another spelling',
      { vulnerabilities: ['CVE-2023-32681'], products: [{ ids: ['pkg:PyPI/Requests@2.25.0'], subcomponents: [] }] },
      ['CVE-2023-32681'],
    ],
    [
      'the image, for all its packages',
      { vulnerabilities: ['CVE-2023-5678'], products: [{ ids: ['pkg:oci/app'], subcomponents: [] }] },
      ['CVE-2023-5678'],
    ],
    [
      'the image with the package as subcomponent',
      {
        vulnerabilities: ['CVE-2021-23337'],
        products: [{ ids: ['pkg:oci/app@sha256:aaaa'], subcomponents: ['pkg:npm/lodash'] }],
      },
      ['CVE-2021-23337'],
    ],
    [
      'the image with another subcomponent',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: [IMAGE], subcomponents: ['pkg:npm/underscore'] }] },
      [],
    ],
    [
      'another image with the package as subcomponent',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: ['pkg:oci/other'], subcomponents: [LODASH] }] },
      [],
    ],
    [
      'another digest of the image',
      {
        vulnerabilities: ['CVE-2021-23337'],
        products: [{ ids: ['pkg:oci/app@sha256:bbbb'], subcomponents: [LODASH] }],
      },
      [],
    ],
    [
      'the image by reference',
      {
        vulnerabilities: ['CVE-2021-23337'],
        products: [{ ids: ['registry.example/team/app:1.0'], subcomponents: [LODASH] }],
      },
      ['CVE-2021-23337'],
    ],
    [
      'a package product with subcomponents (not resolvable)',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: ['pkg:npm/my-app@1.0.0'], subcomponents: [LODASH] }] },
      [],
    ],
    [
      'status fixed',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: [LODASH], subcomponents: [] }], status: 'fixed' },
      ['CVE-2021-23337'],
    ],
    [
      'status affected',
      { vulnerabilities: ['CVE-2021-23337'], products: [{ ids: [LODASH], subcomponents: [] }], status: 'affected' },
      [],
    ],
    [
      'status under_investigation',
      {
        vulnerabilities: ['CVE-2021-23337'],
        products: [{ ids: [LODASH], subcomponents: [] }],
        status: 'under_investigation',
      },
      [],
    ],
  ])('applies when it names %s', (_name, fields, suppressed) => {
    const result = run(
      { vex: [statement(fields)] },
      { ...context, subjects: [IMAGE, 'registry.example/team/app:1.0'] },
    );
    expect(result.suppressed).toEqual(suppressed.map((id) => `${id} vex vex.json statements[0]`));
  });

  it('needs the image identity for image products: none for a directory or an SBOM', () => {
    const vex = [
      statement({ vulnerabilities: ['CVE-2021-23337'], products: [{ ids: [IMAGE], subcomponents: [LODASH] }] }),
    ];
    expect(run({ vex }, { ...context, subjects: [] }).suppressed).toEqual([]);
  });

  it.each([
    ['the later timestamp wins', ['2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'], ['not_affected', 'affected'], false],
    [
      'a later timestamp given first still wins',
      ['2024-02-01T00:00:00Z', '2024-01-01T00:00:00Z'],
      ['not_affected', 'affected'],
      true,
    ],
    [
      'without timestamps the later statement wins',
      [undefined, undefined],
      ['not_affected', 'under_investigation'],
      false,
    ],
    ['a dated statement beats an undated one', [undefined, '2024-01-01T00:00:00Z'], ['affected', 'not_affected'], true],
  ] as const)('%s', (_name, timestamps, statuses, suppressed) => {
    const vex = timestamps.map((timestamp, index) =>
      statement(
        {
          vulnerabilities: ['CVE-2021-23337'],
          products: [{ ids: ['pkg:npm/lodash'], subcomponents: [] }],
          status: statuses[index],
          ...(timestamp ? { timestamp } : {}),
        },
        index,
      ),
    );
    expect(run({ vex }).suppressed.length > 0).toBe(suppressed);
  });

  it('carries the justification, status, detail and origin', () => {
    const vex = [
      statement({
        vulnerabilities: ['CVE-2021-23337'],
        products: [{ ids: [LODASH], subcomponents: [] }],
        justification: 'vulnerable_code_not_in_execute_path',
        detail: 'template() is never called',
      }),
      statement(
        { vulnerabilities: ['CVE-2023-32681'], products: [{ ids: [REQUESTS], subcomponents: [] }], status: 'fixed' },
        1,
      ),
    ];
    expect(run({ vex }).outcome.suppressed.map(({ finding: _f, ...rest }) => rest)).toEqual([
      {
        source: 'vex',
        reason: 'template() is never called',
        justification: 'vulnerable_code_not_in_execute_path',
        status: 'not_affected',
        origin: 'vex.json statements[0]',
      },
      { source: 'vex', reason: 'VEX: fixed', status: 'fixed', origin: 'vex.json statements[1]' },
    ]);
  });
});

describe('precedence and verdict', () => {
  const vex = [
    statement({ vulnerabilities: ['CVE-2021-23337'], products: [{ ids: ['pkg:npm/lodash'], subcomponents: [] }] }),
  ];
  const ignore = [rule({ package: 'pkg:npm/**' })];

  it('VEX first, then the ignore file, then --only-fixed', () => {
    const noFix = [finding('CVE-2023-32681', REQUESTS, { fixedVersions: [] }), ...findings.slice(0, 3)];
    const outcome = applyPolicy(noFix, { vex, ignore, onlyFixed: true }, context);
    expect(outcome.suppressed.map((item) => `${item.finding.id} ${item.source}`)).toEqual([
      'CVE-2023-32681 only-fixed',
      'CVE-2021-23337 vex',
      'CVE-2023-45133 ignore-file',
    ]);
    expect(outcome.reported.map((item) => item.id)).toEqual(['CVE-2023-5678']);
  });

  it('suppressed findings never fail the scan', () => {
    const result = run({ vex, ignore, failOn: 'CRITICAL' });
    expect(result.outcome.failed).toBe(false);
    expect(run({ failOn: 'CRITICAL' }).outcome.failing.map((item) => item.id)).toEqual([
      'CVE-2021-23337',
      'CVE-2023-45133',
    ]);
  });

  it('fails on KEV and EPSS, each with its own message, on reported findings only', () => {
    const kev = { cveId: 'CVE-2023-5678', vendorProject: 'OpenSSL', product: 'OpenSSL', dateAdded: '2024-01-01' };
    const scored = [
      finding('CVE-2023-5678', OPENSSL, {
        kev,
        epss: { cveId: 'CVE-2023-5678', epss: 0.2, percentile: 0.9 },
      }),
      finding('CVE-2021-23337', LODASH, {
        epss: { cveId: 'CVE-2021-23337', epss: 0.5, percentile: 0.97 },
      }),
      finding('CVE-2023-32681', REQUESTS, {
        epss: { cveId: 'CVE-2023-32681', epss: 0.49, percentile: 0.95 },
      }),
    ];
    const outcome = applyPolicy(scored, { failOnKev: true, failOnEpss: 0.5, failOn: 'CRITICAL' }, context);
    expect(failureMessages(outcome)).toEqual([
      'policy failed: 1 finding(s) in CISA KEV (--fail-on-kev)',
      'policy failed: 1 finding(s) with EPSS ≥ 0.5 (--fail-on-epss 0.5)',
    ]);
    expect(outcome.failing.map((item) => item.id)).toEqual(['CVE-2023-5678', 'CVE-2021-23337']);
    const suppressedKev = applyPolicy(scored, { failOnKev: true, ignore: [rule({ package: 'openssl' })] }, context);
    expect(suppressedKev.failed).toBe(false);
  });
});

describe('parseEpssThreshold', () => {
  it.each([
    ['0.5', 0.5],
    ['0', 0],
    ['1', 1],
    ['15%', 0.15],
    ['1.5', undefined],
    ['-0.1', undefined],
    ['high', undefined],
    ['', undefined],
  ])('%j → %s', (text, value) => {
    expect(parseEpssThreshold(text)).toBe(value);
  });
});
