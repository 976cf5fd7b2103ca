/**
 * Package names as the advisory index stores and looks them up, so a lock file's spelling finds the record's. Only
 * ecosystems whose registries treat names case- or separator-insensitively are folded; elsewhere the name is exact
 * (OSV: https://ossf.github.io/osv-schema/#affectedpackage-field).
 */

/** The ecosystem without its release suffix: `Debian:10` → `Debian`, `Alpine:v3.11` → `Alpine`. */
export function baseEcosystem(ecosystem: string): string {
  const colon = ecosystem.indexOf(':');
  return colon === -1 ? ecosystem : ecosystem.slice(0, colon);
}

/** The name used for lookups in `ecosystem`. */
export function normalisePackageName(ecosystem: string, name: string): string {
  const trimmed = name.trim();
  switch (baseEcosystem(ecosystem)) {
    // PEP 503: lower case, runs of `-`, `_` and `.` become one `-` (https://peps.python.org/pep-0503/#normalized-names).
    case 'PyPI':
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    // NuGet package IDs are case-insensitive (https://learn.microsoft.com/nuget/reference/nuspec#id).
    case 'NuGet':
    // Composer package names are lower case; Packagist redirects other spellings.
    case 'Packagist':
      return trimmed.toLowerCase();
    // Maven coordinates are `groupId:artifactId` in OSV and case-sensitive, like npm names, Go module paths, crates,
    // gems, and distro (source) package names.
    default:
      return trimmed;
  }
}
