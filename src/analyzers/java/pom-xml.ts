/**
 * pom.xml files in directories (https://maven.apache.org/pom.html): the `<dependencies>` of the project, with
 * `${…}` placeholders resolved from the same file's `<properties>` and project coordinates. A version that is
 * inherited (parent, BOM in dependencyManagement) or names a property defined elsewhere cannot be known from this
 * file alone and is reported as a problem, never guessed. The project itself is the application, not a dependency.
 * `test` scope dependencies are marked dev.
 */
import { XMLParser } from 'fast-xml-parser';
import type { FoundPackage } from '../../core/package.ts';
import { type PomXml, pomDependencySchema, pomXmlSchema } from './schema.ts';

/** Placeholder expansion stops at this depth (a property that refers to itself). */
const MAX_EXPANSION = 8;

/** The dependencies declared by a pom.xml, with the ones whose coordinates could not be resolved. */
export function parsePomXml(xml: string): { packages: FoundPackage[]; problems: string[] } {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false, // keep "1.10" a string
    processEntities: false, // no entity expansion from a DOCTYPE
    isArray: (_name, jpath) => jpath === 'project.dependencies.dependency',
  });
  const pom = pomXmlSchema.parse(parser.parse(xml));
  const lookup = placeholders(pom);
  const resolve = (value: string | undefined) => (value === undefined ? undefined : expand(value, lookup));
  const packages: FoundPackage[] = [];
  const problems: string[] = [];
  const dependencies = pom.project.dependencies === '' ? [] : (pom.project.dependencies?.dependency ?? []);
  dependencies.forEach((raw, index) => {
    const parsed = pomDependencySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`dependency #${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
      return;
    }
    const groupId = resolve(parsed.data.groupId);
    const artifactId = resolve(parsed.data.artifactId);
    const version = resolve(parsed.data.version);
    const label = `${groupId ?? parsed.data.groupId}:${artifactId ?? parsed.data.artifactId}`;
    if (!groupId || !artifactId) problems.push(`dependency #${index + 1} (${label}): no groupId or artifactId`);
    else if (!parsed.data.version) problems.push(`${label}: no version (managed by a parent or an imported BOM)`);
    else if (!version) problems.push(`${label}: version ${parsed.data.version} is not defined in this pom.xml`);
    else {
      packages.push({
        type: 'maven',
        namespace: groupId,
        name: artifactId,
        version,
        ...(parsed.data.scope === 'test' ? { dev: true } : {}),
      });
    }
  });
  return { packages, problems };
}

/** Values for `${…}`: the file's properties, then the project's own coordinates. */
function placeholders(pom: PomXml): Map<string, string> {
  const { project } = pom;
  const map = new Map<string, string>();
  if (project.properties && typeof project.properties === 'object') {
    for (const [key, value] of Object.entries(project.properties)) if (typeof value === 'string') map.set(key, value);
  }
  const version = project.version || project.parent?.version;
  const groupId = project.groupId || project.parent?.groupId;
  const set = (keys: string[], value: string | undefined) => {
    for (const key of keys) if (value) map.set(key, value);
  };
  set(['project.version', 'pom.version', 'version'], version);
  set(['project.groupId', 'pom.groupId', 'groupId'], groupId);
  set(['project.artifactId', 'pom.artifactId', 'artifactId'], project.artifactId);
  set(['project.parent.version', 'parent.version'], project.parent?.version);
  set(['project.parent.groupId', 'parent.groupId'], project.parent?.groupId);
  return map;
}

/** Expands every `${name}`; undefined when one of them is unknown. */
function expand(value: string, lookup: Map<string, string>): string | undefined {
  let current = value.trim();
  for (let depth = 0; depth < MAX_EXPANSION && current.includes('${'); depth++) {
    let missing = false;
    current = current.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const found = lookup.get(name.trim());
      if (found === undefined) missing = true;
      return found ?? '';
    });
    if (missing) return undefined;
  }
  return current.includes('${') || current === '' ? undefined : current;
}
