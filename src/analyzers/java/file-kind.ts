/** Which files the java analyzer reads: string tests only, kept apart from the zip and XML readers. */

/** Java archives by extension: jar, war, ear, par, and Jenkins plug-ins (jpi, hpi). */
export const JAVA_ARCHIVE = /\.(jar|war|ear|par|jpi|hpi)$/i;

/**
 * pom.xml files of projects. Those under META-INF/maven/ were packaged with an artifact (an exploded archive): they
 * declare that artifact's own dependencies, which need not be installed, so they are not read.
 */
export function isPomXml(path: string): boolean {
  return (path === 'pom.xml' || path.endsWith('/pom.xml')) && !/(^|\/)META-INF\/maven\//.test(path);
}
