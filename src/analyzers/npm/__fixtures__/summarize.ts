/** Test helpers shared by the npm analyzer's tests. */
import { readFileSync } from 'node:fs';
import type { FoundPackage } from '../../../core/package.ts';

/** One line per package: `[@scope/]name@version[ dev][ -> edges]`, with edges as package keys. */
export function summarize(packages: readonly FoundPackage[]): string[] {
  return packages.map((pkg) => {
    const name = `${pkg.namespace ? `${pkg.namespace}/` : ''}${pkg.name}@${pkg.version}`;
    const edges = pkg.dependsOn ? ` -> ${pkg.dependsOn.join(' ')}` : '';
    return `${name}${pkg.dev ? ' dev' : ''}${edges}`;
  });
}

/** The text of a fixture file in this folder. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}
