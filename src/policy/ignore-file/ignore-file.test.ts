import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLucentError } from '../../core/errors.ts';
import { parseIgnoreFile } from './parse.ts';

const fixture = readFileSync(new URL('./__fixtures__/lucent.yaml', import.meta.url), 'utf8');

function errorOf(text: string): string {
  try {
    parseIgnoreFile(text, 'policy/.lucent.yaml');
  } catch (error) {
    if (isLucentError(error)) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error('no error');
}

describe('parseIgnoreFile', () => {
  it('reads the documented example', () => {
    expect(parseIgnoreFile(fixture, '.lucent.yaml')).toEqual([
      {
        id: 'CVE-2023-4911',
        reason: 'glibc tunables are not reachable, the image runs no setuid binaries',
        expires: '2026-12-31',
        origin: '.lucent.yaml ignore[0]',
      },
      {
        id: 'GHSA-35jh-r3h4-6jhm',
        package: 'pkg:npm/lodash@4.17.*',
        reason: 'template() is never called with user input',
        origin: '.lucent.yaml ignore[1]',
      },
      {
        package: 'libsystemd*',
        reason: 'systemd does not run in the container',
        expires: '2026-07-01T00:00:00Z',
        origin: '.lucent.yaml ignore[2]',
      },
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing yet\n'],
    ['an empty list', 'ignore: []\n'],
  ])('reads %s as no rules', (_name, text) => {
    expect(parseIgnoreFile(text, '.lucent.yaml')).toEqual([]);
  });

  it('takes a YAML 1.1 timestamp as its date', () => {
    const rules = parseIgnoreFile('%YAML 1.1\n---\nignore:\n  - id: CVE-1\n    expires: 2026-01-31\n', 'x.yaml');
    expect(rules[0]?.expires).toBe('2026-01-31');
  });

  it.each([
    [
      'a bad date',
      'ignore:\n  - id: CVE-1\n    expires: next week\n',
      'ignore[0].expires: expected a date (YYYY-MM-DD) or an RFC 3339 date-time',
    ],
    ['an impossible date', 'ignore:\n  - id: CVE-1\n    expires: 2026-02-30\n', 'ignore[0].expires: expected a date'],
    [
      'an entry with neither id nor package',
      'ignore:\n  - id: CVE-1\n  - reason: why\n',
      'ignore[1]: an entry needs an id, a package, or both',
    ],
    ['a misspelt key', 'ignore:\n  - id: CVE-1\n    expire: 2026-01-01\n', 'ignore[0]: Unrecognized key: "expire"'],
    ['a misspelt top-level key', 'ignores:\n  - id: CVE-1\n', '(top level): Unrecognized key: "ignores"'],
    ['a number as id', 'ignore:\n  - id: 2023\n', 'ignore[0].id: Invalid input: expected string, received number'],
    ['an empty package', 'ignore:\n  - package: ""\n', 'ignore[0].package: must not be empty'],
    ['a list at the top', '- id: CVE-1\n', '(top level): Invalid input: expected object, received array'],
  ])('rejects %s, naming the file and the field', (_name, text, message) => {
    const error = errorOf(text);
    expect(error).toContain('E_POLICY_FILE_INVALID invalid policy/.lucent.yaml: ');
    expect(error).toContain(message);
  });

  it('rejects YAML that does not parse, with the line', () => {
    expect(errorOf('ignore:\n  - id: [CVE-1\n')).toMatch(
      /^E_POLICY_FILE_INVALID invalid policy\/\.lucent\.yaml: not valid YAML: .*line 3/,
    );
  });
});
