/** Java: jar/war/ear/par/jpi/hpi archives (nested archives included) and pom.xml files. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { isPomXml, JAVA_ARCHIVE } from './file-kind.ts';

/** The Java analyzer. */
export const javaAnalyzer = {
  name: 'java',
  version: 1,
  required: (path, _info) => JAVA_ARCHIVE.test(path) || isPomXml(path),
  // The zip and XML readers load only when a Java file is met: most images have none.
  async analyze({ path, content }): Promise<AnalyzerResult> {
    if (isPomXml(path)) {
      const { parsePomXml } = await import('./pom-xml.ts');
      const { packages, problems } = parsePomXml(Buffer.from(content).toString('utf8'));
      return { packages, ...(problems.length > 0 ? { unknowns: problems } : {}) };
    }
    const { readJavaArchive } = await import('./archive.ts');
    const { packages, unknowns } = readJavaArchive(path, content);
    return { packages, ...(unknowns.length > 0 ? { unknowns } : {}) };
  },
} satisfies Analyzer;
