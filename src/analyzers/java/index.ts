/** Java: jar/war/ear/par/jpi/hpi archives (nested archives included) and pom.xml files. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { JAVA_ARCHIVE, readJavaArchive } from './archive.ts';
import { parsePomXml } from './pom-xml.ts';

/**
 * pom.xml files of projects. Those under META-INF/maven/ were packaged with an artifact (an exploded archive): they
 * declare that artifact's own dependencies, which need not be installed, so they are not read.
 */
function isPomXml(path: string): boolean {
  return (path === 'pom.xml' || path.endsWith('/pom.xml')) && !/(^|\/)META-INF\/maven\//.test(path);
}

/** The Java analyzer. */
export const javaAnalyzer = {
  name: 'java',
  version: 1,
  required: (path, _info) => JAVA_ARCHIVE.test(path) || isPomXml(path),
  analyze({ path, content }): AnalyzerResult {
    if (isPomXml(path)) {
      const { packages, problems } = parsePomXml(Buffer.from(content).toString('utf8'));
      return { packages, ...(problems.length > 0 ? { unknowns: problems } : {}) };
    }
    const { packages, unknowns } = readJavaArchive(path, content);
    return { packages, ...(unknowns.length > 0 ? { unknowns } : {}) };
  },
} satisfies Analyzer;
