import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../../image/config-schema.ts';
import type { CisFile, CisInput } from './check.ts';
import { countByLevel } from './check.ts';
import { CIS_CHECKS } from './registry.ts';
import { runCisChecks } from './run-checks.ts';

const checksDir = fileURLToPath(new URL('./checks/', import.meta.url));

/** A compliant image: non-root, with a health check, built cleanly. Each case changes one thing. */
const CLEAN: CisInput = {
  config: {
    config: { User: 'app', Env: ['PATH=/usr/bin'], Healthcheck: { Test: ['CMD', 'true'] } },
  } as ImageConfig,
  history: [
    '/bin/sh -c #(nop) ADD file:0a1b2c in / ',
    'RUN /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # buildkit',
    'COPY app /app # buildkit',
    'ADD vendor.tar.gz /opt/ # buildkit',
  ],
  files: [{ path: 'usr/bin/curl', type: 'file', mode: 0o755 }],
  references: ['r.io/app:1.2'],
};

function withConfig(config: Record<string, unknown>): CisInput {
  return { ...CLEAN, config: { config: { ...CLEAN.config.config, ...config } } as ImageConfig };
}
const withHistory = (...lines: string[]): CisInput => ({ ...CLEAN, history: [...CLEAN.history, ...lines] });
const withFiles = (...files: CisFile[]): CisInput => ({ ...CLEAN, files: [...(CLEAN.files ?? []), ...files] });

describe('CIS checks', () => {
  it('passes a clean image', () => {
    expect(runCisChecks(CLEAN)).toEqual([]);
  });

  it.each<[string, CisInput, string, string[]]>([
    ['no USER', withConfig({ User: '' }), 'CIS-DI-0001', ['no USER is set, so the container runs as root']],
    ['USER root', withConfig({ User: 'root' }), 'CIS-DI-0001', ['the last user is root']],
    ['USER 0:0', withConfig({ User: '0:0' }), 'CIS-DI-0001', ['the last user is 0:0']],
    ['no HEALTHCHECK', withConfig({ Healthcheck: undefined }), 'CIS-DI-0006', ['the image has no HEALTHCHECK']],
    [
      'HEALTHCHECK NONE',
      withConfig({ Healthcheck: { Test: ['NONE'] } }),
      'CIS-DI-0006',
      ['the HEALTHCHECK is disabled (HEALTHCHECK NONE)'],
    ],
    [
      'apt-get update alone',
      withHistory('/bin/sh -c apt-get -qq update'),
      'CIS-DI-0007',
      ['"apt-get update" without an install in the same RUN: /bin/sh -c apt-get -qq update'],
    ],
    [
      'apk update alone, with an env prefix',
      withHistory('RUN |1 V=1 /bin/sh -c FOO=1 apk update && echo done # buildkit'),
      'CIS-DI-0007',
      [
        '"apk update" without an install in the same RUN: RUN |1 V=1 /bin/sh -c FOO=1 apk update && echo done # buildkit',
      ],
    ],
    [
      'setuid and setgid files',
      withFiles(
        { path: 'usr/bin/passwd', type: 'file', mode: 0o4755 },
        { path: 'usr/bin/wall', type: 'file', mode: 0o2755 },
        { path: 'tmp', type: 'directory', mode: 0o1777 },
      ),
      'CIS-DI-0008',
      ['/usr/bin/passwd (setuid, mode 4755)', '/usr/bin/wall (setgid, mode 2755)'],
    ],
    [
      'ADD of a URL',
      withHistory('ADD https://example.com/tool /usr/bin/tool # buildkit'),
      'CIS-DI-0009',
      ['ADD fetches https://example.com/tool without verifying it: ADD https://example.com/tool /usr/bin/tool'],
    ],
    [
      'ADD of a plain file (classic builder)',
      withHistory('/bin/sh -c #(nop) ADD config.yaml /etc/app/'),
      'CIS-DI-0009',
      ['ADD config.yaml /etc/app/'],
    ],
    [
      'secrets in env, ARG defaults, build args and files',
      {
        ...withConfig({ Env: ['DB_PASSWORD=hunter2', 'GPG_KEY=ABCD', 'TOKEN_FILE=/run/t', 'X=AKIAIOSFODNN7EXAMPLE'] }),
        history: [
          ...CLEAN.history,
          '/bin/sh -c #(nop)  ARG API_TOKEN=abc',
          'RUN |2 NPM_TOKEN=npm_x VERSION=1 /bin/sh -c npm ci # buildkit',
        ],
        files: [
          { path: 'root/.aws/credentials', type: 'file', mode: 0o600 },
          { path: 'home/app/.ssh/id_ed25519', type: 'file', mode: 0o600 },
          { path: 'usr/lib/node_modules/npm/.npmrc', type: 'file', mode: 0o644 },
        ],
      },
      'CIS-DI-0010',
      [
        'environment variable DB_PASSWORD is set (value hidden)',
        'environment variable X holds an AWS access key id',
        'history entry 5: ARG API_TOKEN has a default value (hidden)',
        'history entry 6: build argument NPM_TOKEN is recorded (value hidden)',
        'credential file /root/.aws/credentials',
        'credential file /home/app/.ssh/id_ed25519',
      ],
    ],
    ['sudo', withHistory('/bin/sh -c sudo apt-get install -y x'), 'DKL-DI-0001', ['history entry 5 runs sudo']],
    [
      'sensitive volumes',
      withConfig({ Volumes: { '/data': {}, '/etc/': {}, '/var/run/docker.sock': {} } }),
      'DKL-DI-0002',
      ['VOLUME /etc/', 'VOLUME /var/run/docker.sock'],
    ],
    [
      'latest tag',
      { ...CLEAN, references: ['nginx', 'r.io/app:latest', `r.io/app:latest@sha256:${'a'.repeat(64)}`] },
      'DKL-DI-0006',
      ['nginx uses the latest tag', 'r.io/app:latest uses the latest tag'],
    ],
    [
      'unnecessary files',
      withFiles(
        { path: 'app/.git', type: 'directory', mode: 0o755 },
        { path: 'app/.DS_Store', type: 'file', mode: 0o644 },
        { path: 'usr/lib/python3/dist-packages/x/.git', type: 'directory', mode: 0o755 },
      ),
      'DKL-LI-0003',
      ['/app/.DS_Store', '/app/.git'],
    ],
    [
      'privileged ports',
      withConfig({ ExposedPorts: { '8080/tcp': {}, '443/tcp': {}, '53/udp': {} } }),
      'LCT-DI-0001',
      ['EXPOSE 53/udp', 'EXPOSE 443/tcp'],
    ],
  ])('%s', (_name, input, code, details) => {
    const results = runCisChecks(input);
    expect(results.map((result) => result.code)).toEqual([code]);
    expect(results[0]?.details).toEqual(details);
  });

  it('skips the file checks when the file list was not read', () => {
    const input = withFiles({ path: 'usr/bin/su', type: 'file', mode: 0o4755 });
    expect(runCisChecks(input).map((result) => result.code)).toEqual(['CIS-DI-0008']);
    expect(runCisChecks({ ...input, files: undefined })).toEqual([]);
  });

  it('counts results per level', () => {
    const results = runCisChecks({ ...withConfig({ User: '', Healthcheck: undefined }), references: ['x'] });
    expect(countByLevel(results)).toEqual({ INFO: 1, WARN: 2, FATAL: 0 });
  });
});

describe('CIS check registry', () => {
  it('lists every file of checks/ once, each named after its code', () => {
    const files = readdirSync(checksDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    const codes = CIS_CHECKS.map((check) => check.code.toLowerCase());
    expect(files.map((name) => name.split('-').slice(0, 3).join('-')).sort()).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(CIS_CHECKS.map((check) => [check.code, check] as const))('%s has a title and a known level', (_c, check) => {
    expect(check.title.length).toBeGreaterThan(5);
    expect(['INFO', 'WARN', 'FATAL']).toContain(check.level);
  });
});
