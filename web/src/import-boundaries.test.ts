/**
 * The dashboard's folder rules (bulletproof-react): imports flow shared → features → app. `shared` imports only
 * `shared`; a feature imports `shared` and itself, never another feature or the app; only `app` composes features.
 * Every feature has the same folders (api, components, routes).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(fileURLToPath(import.meta.url));
const FEATURES = [
  'applications',
  'auth',
  'dashboard',
  'packages',
  'resources',
  'runtime-scan',
  'settings',
  'vulnerabilities',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative import specifiers of a file: static, dynamic and side-effect imports, and re-exports. */
function relativeImports(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** The layer of a path under web/src: `shared`, `app`, `features/<name>`, or the root. */
function layerOf(path: string): string {
  const parts = relative(ROOT, path).split(sep);
  if (parts[0] === 'features') return `features/${parts[1]}`;
  return parts.length > 1 ? (parts[0] as string) : 'root';
}

/** Why an import from `from` to `to` breaks the rules, or null. */
function violation(from: string, to: string): string | null {
  const source = layerOf(from);
  const target = layerOf(to);
  if (source === 'app' || source === 'root') return null;
  if (source === 'shared') return target === 'shared' ? null : `shared must not import ${target}`;
  if (target === 'shared' || target === source) return null;
  return `${source} must not import ${target}`;
}

describe('web/src import boundaries', () => {
  // This file quotes example imports in its own test; it is not part of the layering.
  const files = sourceFiles(ROOT).filter((file) => file !== fileURLToPath(import.meta.url));

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('flows shared → features → app only', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), specifier);
        if (!target.startsWith(ROOT)) {
          problems.push(`${relative(ROOT, file)}: imports outside web/src (${specifier})`);
          continue;
        }
        const problem = violation(file, target);
        if (problem) problems.push(`${relative(ROOT, file)} → ${specifier}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has exactly the expected features, each with api, components and routes', () => {
    const features = readdirSync(join(ROOT, 'features')).sort();
    expect(features).toEqual(FEATURES);
    for (const feature of features) {
      const folders = readdirSync(join(ROOT, 'features', feature)).sort();
      expect({ feature, folders }).toEqual({ feature, folders: ['api', 'components', 'routes'] });
    }
  });

  it('flags a cross-feature import and a shared → feature import (the check can fail)', () => {
    const feature = join(ROOT, 'features', 'packages', 'components', 'x.tsx');
    expect(violation(feature, join(ROOT, 'features', 'vulnerabilities', 'api', 'y.ts'))).toBe(
      'features/packages must not import features/vulnerabilities',
    );
    expect(violation(join(ROOT, 'shared', 'lib', 'x.ts'), feature)).toBe('shared must not import features/packages');
    expect(violation(feature, join(ROOT, 'app', 'router.tsx'))).toBe('features/packages must not import app');
    expect(relativeImports("import { a } from '../b.ts';\nconst c = import('./d.tsx');\nimport './e.css';")).toEqual([
      '../b.ts',
      './d.tsx',
      './e.css',
    ]);
  });
});
