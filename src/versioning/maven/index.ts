/**
 * Maven versioning: the order of org.apache.maven.artifact.versioning.ComparableVersion
 * (https://maven.apache.org/ref/current/maven-artifact/apidocs/org/apache/maven/artifact/versioning/ComparableVersion.html).
 */
import type { VersioningScheme } from '../scheme.ts';
import { compareMavenItems } from './compare.ts';
import { parseMavenVersion } from './parse.ts';

/** Maven's version order. */
export const mavenVersioning = {
  name: 'maven',
  // ComparableVersion orders any string; we only refuse empty text and whitespace, which no coordinate contains.
  isValid(version: string): boolean {
    return version !== '' && !/\s/.test(version);
  },
  compare(a: string, b: string): number {
    for (const version of [a, b]) {
      if (!mavenVersioning.isValid(version)) throw new Error(`invalid Maven version: ${JSON.stringify(version)}`);
    }
    return compareMavenItems(parseMavenVersion(a), parseMavenVersion(b));
  },
} satisfies VersioningScheme;
