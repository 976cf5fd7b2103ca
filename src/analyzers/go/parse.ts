/**
 * Go module information as packages. The modinfo text format is runtime/debug's (ParseBuildInfo): tab-separated lines
 * `path`, `mod` (the main module), `dep`, `=>` (replaces the module on the line before), `build` (settings).
 * https://go.dev/src/runtime/debug/mod.go
 *
 * Conventions (as Syft and Trivy): the toolchain is the package `stdlib` with its version without the `go` prefix; a
 * replaced module is reported under the replacement's path and version. A module with no version of its own is not
 * reported: the main module of a `(devel)` build without VCS stamps (its pseudo-version is built from `vcs.revision`
 * and `vcs.time` when they are present, as Syft does), and a module replaced by a local directory.
 */
import type { FoundPackage } from '../../core/package.ts';

/** A module path and version, with the module that replaced it. */
export interface GoModule {
  path: string;
  version: string;
  replace?: { path: string; version: string };
}

/** The parsed modinfo text. */
export interface GoBuildInfo {
  /** The main package's import path. */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  settings: Record<string, string>;
}

/** Parses the modinfo text of a Go executable. */
export function parseModinfo(text: string): GoBuildInfo {
  const info: GoBuildInfo = { deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of text.split('\n')) {
    const [key, ...fields] = line.split('\t');
    if (key === 'path') info.path = fields[0];
    else if (key === 'mod' || key === 'dep') {
      last = { path: fields[0] ?? '', version: fields[1] ?? '' };
      if (key === 'mod') info.main = last;
      else info.deps.push(last);
    } else if (key === '=>' && last) {
      last.replace = { path: fields[0] ?? '', version: fields[1] ?? '' };
    } else if (key === 'build') {
      const setting = fields.join('\t');
      const eq = setting.startsWith('"') ? setting.indexOf('=', setting.indexOf('"', 1)) : setting.indexOf('=');
      if (eq > 0) info.settings[unquote(setting.slice(0, eq))] = unquote(setting.slice(eq + 1));
    }
  }
  return info;
}

/** The packages of a Go executable: main module (when versioned), dependencies, and the toolchain as `stdlib`. */
export function buildInfoPackages(goVersion: string, info: GoBuildInfo): FoundPackage[] {
  const packages: FoundPackage[] = [];
  const mainVersion = info.main ? mainModuleVersion(info.main.version, info.settings) : undefined;
  if (info.main && mainVersion) packages.push(goPackage(info.main.path, mainVersion));
  for (const dep of info.deps) {
    const resolved = resolveModule(dep);
    if (resolved) packages.push(goPackage(resolved.path, resolved.version));
  }
  const stdlib = stdlibVersion(goVersion);
  if (stdlib) packages.push({ type: 'golang', name: 'stdlib', version: stdlib });
  return packages;
}

/** A module after its replacement; undefined for a replacement by a local directory (it has no version). */
export function resolveModule(module: GoModule): { path: string; version: string } | undefined {
  const effective = module.replace ?? module;
  if (!effective.version || effective.version === '(devel)' || isLocalPath(effective.path)) return undefined;
  return { path: effective.path, version: effective.version };
}

/** A Go package: the module path's last element is the name, the rest the namespace (purl-spec golang type). */
export function goPackage(path: string, version: string): FoundPackage {
  const slash = path.lastIndexOf('/');
  return slash < 0
    ? { type: 'golang', name: path, version }
    : { type: 'golang', namespace: path.slice(0, slash), name: path.slice(slash + 1), version };
}

/** `go1.22.1` → `1.22.1`; `go1.23.0 X:boringcrypto` → `1.23.0`; `devel …` builds have no release version. */
export function stdlibVersion(goVersion: string): string | undefined {
  const first = goVersion.trim().split(/\s+/)[0] ?? '';
  return first.startsWith('go') && first.length > 2 ? first.slice(2) : undefined;
}

function mainModuleVersion(version: string, settings: Record<string, string>): string | undefined {
  if (version && version !== '(devel)') return version;
  const revision = settings['vcs.revision'];
  const time = settings['vcs.time'];
  if (!revision || !time || settings['vcs.modified'] === 'true') return undefined;
  // A pseudo-version (https://go.dev/ref/mod#pseudo-versions): v0.0.0-<UTC yyyymmddhhmmss>-<12-char revision>.
  const stamp = time.replace(/[-:TZ]/g, '').slice(0, 14);
  return /^\d{14}$/.test(stamp) ? `v0.0.0-${stamp}-${revision.slice(0, 12)}` : undefined;
}

/** Replacement targets that are directories: `./x`, `../x`, `/abs`, and Windows drive or UNC paths. */
function isLocalPath(path: string): boolean {
  return /^(\.\.?([/\\]|$)|\/|\\|[A-Za-z]:[/\\])/.test(path);
}

/** Build settings are quoted with strconv.Quote when they contain spaces, tabs, quotes or `=`. */
function unquote(text: string): string {
  if (!text.startsWith('"')) return text;
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}
