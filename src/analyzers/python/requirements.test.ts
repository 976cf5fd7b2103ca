import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequirements } from './requirements.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const pypi = (name: string, version: string) => ({ type: 'pypi', name, version });

describe('parseRequirements', () => {
  it('reads pinned requirements and reports includes and junk', () => {
    expect(parseRequirements(fixture('requirements.txt'))).toEqual({
      packages: [
        pypi('certifi', '2023.7.22'),
        pypi('charset-normalizer', '3.2.0'),
        pypi('flask', '2.3.3'),
        pypi('idna', '3.4'),
        pypi('pytest', '7.4.0'),
        pypi('django', '4.2.5'),
      ],
      unknowns: [
        'line 3: includes requirements-base.txt, which is not followed',
        'line 4: includes constraints.txt, which is not followed',
        'line 20: not a requirement: !!not a requirement',
      ],
    });
  });

  it.each([
    ['requests>=2.0', []],
    ['requests==2.*', []],
    ['requests==1.0,==2.0', []],
    ['requests ==2.31.0 # pinned', [pypi('requests', '2.31.0')]],
    ['zope.interface==6.0+local.1', [pypi('zope-interface', '6.0+local.1')]],
    ['requests==2.31.0; sys_platform == "linux" --hash=sha256:00', [pypi('requests', '2.31.0')]],
    ['https://example.com/x-1.0.whl', []],
    ['--requirement=dev.txt', []],
    ['', []],
  ])('%j', (line, packages) => {
    expect(parseRequirements(line).packages).toEqual(packages);
  });
});
