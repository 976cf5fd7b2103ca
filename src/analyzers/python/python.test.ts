import { describe, expect, it } from 'vitest';
import { pythonAnalyzer } from './index.ts';
import { normalizePythonName } from './names.ts';

const info = { size: 100, mode: 0o644 };

describe('pythonAnalyzer', () => {
  it.each([
    ['usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA', true],
    ['usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO', true],
    ['usr/lib/python3/dist-packages/Brlapi-0.8.4.egg-info', true],
    ['app/requirements.txt', true],
    ['requirements-dev.txt', true],
    ['app/poetry.lock', true],
    ['app/Pipfile.lock', true],
    ['uv.lock', true],
    ['usr/lib/python3/dist-packages/requests-2.31.0.dist-info/RECORD', false],
    ['usr/lib/python3/dist-packages/six-1.16.0.egg-info/requires.txt', false],
    ['srv/METADATA', false],
    ['app/Pipfile', false],
    ['app/requirements.in', false],
    ['app/pyproject.toml', false],
  ])('required(%j) = %s', (path, expected) => {
    expect(pythonAnalyzer.required(path, info)).toBe(expected);
  });

  it('parses each file by its kind', async () => {
    const layer = { index: 0, diffId: 'sha256:0' };
    const metadata = await pythonAnalyzer.analyze({
      path: 'x/PyYAML-6.0.1.dist-info/METADATA',
      content: Buffer.from('Name: PyYAML\nVersion: 6.0.1\nLicense: MIT\n'),
      layer,
    });
    const requirements = await pythonAnalyzer.analyze({
      path: 'requirements.txt',
      // A byte order mark (Windows editors write one) is not part of the first line.
      content: Buffer.from('\uFEFFPyYAML==6.0.1\n'),
      layer,
    });
    expect(metadata).toEqual({ packages: [{ type: 'pypi', name: 'pyyaml', version: '6.0.1', licenses: ['MIT'] }] });
    expect(requirements).toEqual({ packages: [{ type: 'pypi', name: 'pyyaml', version: '6.0.1' }] });
  });
});

describe('normalizePythonName', () => {
  it.each([
    ['Django', 'django'],
    ['zope.interface', 'zope-interface'],
    ['typing_extensions', 'typing-extensions'],
    ['Some--Odd._.Name', 'some-odd-name'],
  ])('%s → %s', (name, expected) => {
    expect(normalizePythonName(name)).toBe(expected);
  });
});
