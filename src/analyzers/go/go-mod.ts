/**
 * go.mod files (https://go.dev/ref/mod#go-mod-file): `require` lines and blocks, with `replace` directives applied.
 * The module itself is the application, not a dependency, and is not reported; a requirement replaced by a local
 * directory has no version and is not reported either (as for executables, see parse.ts). `// indirect` marks
 * requirements that no package of the module imports directly; they are reported like the others.
 */
import type { FoundPackage } from '../../core/package.ts';
import { type GoModule, goPackage, resolveModule } from './parse.ts';

/** What a go.mod file declares. */
export interface GoModFile {
  module?: string;
  requires: (GoModule & { indirect: boolean })[];
  /** Replacements by old path; `oldVersion` absent when every version is replaced. */
  replaces: { oldPath: string; oldVersion?: string; path: string; version: string }[];
}

/** Parses a go.mod file. Unknown directives are ignored; a malformed line is returned as a problem. */
export function parseGoMod(text: string): { file: GoModFile; problems: string[] } {
  const file: GoModFile = { requires: [], replaces: [] };
  const problems: string[] = [];
  let block: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const comment = raw.indexOf('//');
    const indirect = comment >= 0 && /^\/\/\s*indirect\b/.test(raw.slice(comment));
    const tokens = tokenize(comment >= 0 ? raw.slice(0, comment) : raw);
    if (tokens.length === 0) return;
    if (block !== undefined) {
      if (tokens[0] === ')') block = undefined;
      else directive(block, tokens, indirect, index + 1);
      return;
    }
    const [verb, ...rest] = tokens;
    if (rest[0] === '(' && rest.length === 1) block = verb;
    else directive(verb ?? '', rest, indirect, index + 1);
  });
  return { file, problems };

  function directive(verb: string, args: string[], indirect: boolean, line: number): void {
    if (verb === 'module' && args[0]) file.module = args[0];
    else if (verb === 'require') {
      if (args.length !== 2) problems.push(`line ${line}: malformed require`);
      else file.requires.push({ path: args[0] as string, version: args[1] as string, indirect });
    } else if (verb === 'replace') {
      const arrow = args.indexOf('=>');
      const [oldPath, oldVersion] = args.slice(0, arrow);
      const [path, version] = args.slice(arrow + 1);
      if (arrow < 1 || arrow > 2 || !oldPath || !path || args.length - arrow > 3) {
        problems.push(`line ${line}: malformed replace`);
      } else {
        file.replaces.push({ oldPath, path, version: version ?? '', ...(oldVersion ? { oldVersion } : {}) });
      }
    }
  }
}

/** The required modules of a go.mod file as packages, replacements applied. */
export function goModPackages(file: GoModFile): FoundPackage[] {
  const packages: FoundPackage[] = [];
  for (const requirement of file.requires) {
    // A replacement for this exact version wins over one for every version.
    const replace =
      file.replaces.find((r) => r.oldPath === requirement.path && r.oldVersion === requirement.version) ??
      file.replaces.find((r) => r.oldPath === requirement.path && r.oldVersion === undefined);
    const resolved = resolveModule({
      path: requirement.path,
      version: requirement.version,
      ...(replace ? { replace: { path: replace.path, version: replace.version } } : {}),
    });
    if (resolved) packages.push(goPackage(resolved.path, resolved.version));
  }
  return packages;
}

/** Splits a line into tokens; quoted strings ("…" with escapes, `…` raw) are single tokens. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|(=>|[()])|([^\s()"`]+)/g;
  for (const match of line.matchAll(pattern)) {
    if (match[1] !== undefined) tokens.push(unquoteToken(match[1]));
    else tokens.push((match[2] ?? match[3] ?? match[4]) as string);
  }
  return tokens;
}

function unquoteToken(quoted: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string;
  } catch {
    return quoted;
  }
}
