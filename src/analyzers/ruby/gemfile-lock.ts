/**
 * Gemfile.lock (Bundler). The `GEM`, `GIT` and `PATH` sections list resolved gems under `specs:` as
 * `    name (version[-platform])`, each followed by its dependencies as `      name (requirement)`. The platform
 * suffix becomes the purl `platform` qualifier (https://github.com/package-url/purl-spec, gem type). A `PATH` source
 * at `.` is the application's own gem and is not reported. Bundler records no groups here, so nothing is flagged dev.
 */
import { type FoundPackage, packageKey } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';

const SOURCES = new Set(['GEM', 'GIT', 'PATH']);
// Gem versions hold only [0-9A-Za-z.] (Gem::Version), so the first `-` starts the platform.
const SPEC = /^ {4}([^\s(]+) \(([0-9A-Za-z.]+)(?:-(\S+))?\)$/;
const DEPENDENCY = /^ {6}([^\s(]+)(?: \(.*\))?$/;

/** The resolved gems of a Gemfile.lock. */
export function parseGemfileLock(text: string): AnalyzerResult {
  const specs: { pkg: FoundPackage; dependencies: string[] }[] = [];
  const unknowns: string[] = [];
  let section = '';
  let remote = '';
  let inSpecs = false;
  let current: { pkg: FoundPackage; dependencies: string[] } | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    if (/^\S/.test(line)) {
      section = line.trim();
      remote = '';
      inSpecs = false;
      current = undefined;
      return;
    }
    if (!SOURCES.has(section) || line.trim() === '') return;
    const option = /^ {2}(\S+):(?: (.*))?$/.exec(line);
    if (option) {
      if (option[1] === 'remote') remote = option[2] ?? '';
      inSpecs = option[1] === 'specs';
      return;
    }
    if (!inSpecs) return;
    const spec = SPEC.exec(line);
    if (spec?.[1] && spec[2]) {
      current = undefined;
      if (section === 'PATH' && (remote === '.' || remote === './')) return;
      const pkg: FoundPackage = { type: 'gem', name: spec[1], version: spec[2] };
      if (spec[3]) pkg.qualifiers = { platform: spec[3] };
      current = { pkg, dependencies: [] };
      specs.push(current);
      return;
    }
    const dependency = DEPENDENCY.exec(line);
    if (dependency?.[1]) current?.dependencies.push(dependency[1]);
    else unknowns.push(`line ${index + 1}: not a spec: ${line.trim().slice(0, 80)}`);
  });
  const keysByName = new Map<string, string[]>();
  for (const { pkg } of specs) keysByName.set(pkg.name, [...(keysByName.get(pkg.name) ?? []), packageKey(pkg)]);
  for (const { pkg, dependencies } of specs) {
    const dependsOn = [...new Set(dependencies.flatMap((name) => keysByName.get(name) ?? []))];
    if (dependsOn.length > 0) pkg.dependsOn = dependsOn;
  }
  const packages = specs.map(({ pkg }) => pkg);
  if (packages.length === 0 && unknowns.length === 0 && !/^(GEM|GIT|PATH)$/m.test(text)) {
    unknowns.push('no GEM, GIT or PATH section');
  }
  return unknowns.length > 0 ? { packages, unknowns } : { packages };
}
