/**
 * What identifies a Java archive: its `META-INF/maven/<group>/<artifact>/pom.properties` files (one per Maven module
 * built into it: shaded jars hold several, each a package), else its MANIFEST.MF and file name.
 *
 * The fallback is a heuristic, as in Syft: the artifact name comes from a versioned file name (`name-1.2.3.jar`), else
 * Bundle-SymbolicName, else a one-word Implementation-Title, else the file name; the version from Implementation-Version, else Bundle-Version, else
 * the file name; the group from Extension-Name, or a Bundle-SymbolicName of the form `<group>.<artifact>`, or
 * Implementation-Vendor-Id, when it looks like a reverse domain name. With no group, the package has no namespace.
 * Manifest format: https://docs.oracle.com/en/java/javase/21/docs/specs/jar/jar.html#jar-manifest
 */
import type { FoundPackage } from '../../core/package.ts';
import { pomPropertiesSchema } from './schema.ts';

/** A pom.properties file, validated. */
export interface PomProperties {
  groupId: string;
  artifactId: string;
  version: string;
}

/** The packages that identify one archive; `main` (an index) is the archive itself, which gets its hash. */
export interface ArchiveIdentity {
  packages: FoundPackage[];
  main?: number;
  problems: string[];
}

const REVERSE_DOMAIN = /^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/;

/** Parses a Java .properties file: `key=value` or `key: value`, `#`/`!` comments, `\` line continuations. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length)
      line = line.slice(0, -1) + (lines[++i] ?? '').trimStart();
    const match = /^((?:[^=:\s\\]|\\.)+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) out[unescapeProperty(match[1] as string)] = unescapeProperty(match[2] as string);
    else out[unescapeProperty(line)] = '';
  }
  return out;
}

/** The main section of a MANIFEST.MF: `Name: value` lines, continued by lines that start with one space. */
export function parseManifest(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line === '') break; // the main section ends at the first blank line; per-entry sections follow
    if (line.startsWith(' ') && last !== undefined) {
      out[last] += line.slice(1);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim();
    out[last] = line.slice(colon + 1).trim();
  }
  return out;
}

/** Validates a pom.properties file's coordinates; undefined when one is missing. */
export function pomCoordinates(properties: Record<string, string>): PomProperties | undefined {
  const parsed = pomPropertiesSchema.safeParse(properties);
  return parsed.success ? parsed.data : undefined;
}

/** `spring-core-5.3.1.jar` → spring-core, 5.3.1: the version starts at the first `-` followed by a digit. */
export function parseArchiveFileName(fileName: string): { name: string; version?: string } {
  const base = (fileName.split('/').pop() ?? fileName).replace(/\.[A-Za-z]+$/, '');
  const match = /^(.+?)-(\d[^/]*)$/.exec(base);
  return match ? { name: match[1] as string, version: match[2] as string } : { name: base };
}

/** The packages of one archive, from its pom.properties files or, without any, its manifest and file name. */
export function identifyArchive(
  fileName: string,
  poms: PomProperties[],
  manifest?: Record<string, string>,
): ArchiveIdentity {
  const fromName = parseArchiveFileName(fileName);
  if (poms.length > 0) {
    const packages = poms.map(mavenPackage);
    const named = poms.findIndex((pom) => pom.artifactId === fromName.name);
    const main = named >= 0 ? named : poms.length === 1 ? 0 : undefined;
    return { packages, ...(main !== undefined ? { main } : {}), problems: [] };
  }
  const main = manifest ?? {};
  const symbolicName = main['Bundle-SymbolicName']?.split(';')[0]?.trim();
  // A title is a name only when it is one word ("Sun Java System Application Server" is not an artifact name).
  const title = main['Implementation-Title']?.trim();
  const oneWordTitle = title && !/\s/.test(title) ? title : undefined;
  const name = fromName.version ? fromName.name : (symbolicName ?? oneWordTitle ?? fromName.name);
  const version = main['Implementation-Version'] ?? main['Bundle-Version'] ?? fromName.version;
  if (!name || !version) {
    return { packages: [], problems: ['no pom.properties, and neither MANIFEST.MF nor the file name gives a version'] };
  }
  const groupId = manifestGroup(main, name, symbolicName);
  return {
    packages: [{ type: 'maven', ...(groupId ? { namespace: groupId } : {}), name, version }],
    main: 0,
    problems: [],
  };
}

/** A Maven package from coordinates. */
export function mavenPackage(pom: PomProperties): FoundPackage {
  return { type: 'maven', namespace: pom.groupId, name: pom.artifactId, version: pom.version };
}

function manifestGroup(main: Record<string, string>, name: string, symbolicName?: string): string | undefined {
  const extension = main['Extension-Name']?.trim();
  if (extension && REVERSE_DOMAIN.test(extension)) return extension;
  if (symbolicName?.endsWith(`.${name}`)) {
    const group = symbolicName.slice(0, -name.length - 1);
    if (REVERSE_DOMAIN.test(group)) return group;
  }
  const vendor = main['Implementation-Vendor-Id']?.trim();
  return vendor && REVERSE_DOMAIN.test(vendor) ? vendor : undefined;
}

function unescapeProperty(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) => {
    if (escaped.length === 5) return String.fromCharCode(Number.parseInt(escaped.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[escaped] ?? escaped;
  });
}
