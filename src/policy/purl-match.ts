/**
 * When a purl written in a VEX statement (or an ignore rule) names a package Lucent found. The rule, documented in
 * docs/policy.md: type, namespace and name must be equal (after packageurl-js's per-type normalisation, so
 * `pkg:PyPI/Django_Foo` is `pkg:pypi/django-foo`); a pattern without a version matches every version, one with a
 * version only that version; a Debian/RPM `epoch` qualifier is folded into the version (Trivy writes `?epoch=1`,
 * others `1:` in the version); qualifiers that say where a package came from (distro, repository_url, download_url,
 * checksum, vcs_url, file_name) are ignored, and any other qualifier the pattern states (arch, classifier, type, …)
 * must be present with the same value. This follows OpenVEX's go-vex `PurlMatches`, minus the provenance qualifiers,
 * whose spellings differ between tools (`distro=debian-12` vs `debian-12.1`) without naming another package.
 */
import { PackageURL } from 'packageurl-js';

/** Qualifiers that describe provenance, not which package: never compared. */
const IGNORED_QUALIFIERS = new Set([
  'distro',
  'repository_url',
  'download_url',
  'checksum',
  'checksums',
  'vcs_url',
  'file_name',
  'epoch',
]);

/** A parsed purl, reduced to what the matching rule compares. */
export interface PurlKey {
  type: string;
  namespace: string;
  name: string;
  version: string | undefined;
  qualifiers: Record<string, string>;
}

const parsed = new Map<string, PurlKey | undefined>();

/** Parses a purl into its matching key (memoised: the same purls come up for every finding); undefined if invalid. */
export function purlKey(text: string): PurlKey | undefined {
  if (parsed.has(text)) return parsed.get(text);
  let key: PurlKey | undefined;
  try {
    const purl = PackageURL.fromString(text);
    const qualifiers = { ...(purl.qualifiers ?? {}) } as Record<string, string>;
    const epoch = qualifiers.epoch;
    let version = purl.version || undefined;
    if (version && epoch && epoch !== '0' && !version.includes(':')) version = `${epoch}:${version}`;
    key = {
      type: purl.type.toLowerCase(),
      namespace: purl.namespace ?? '',
      name: purl.name,
      version,
      qualifiers,
    };
  } catch {
    key = undefined;
  }
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(text, key);
  return key;
}

/** True when `pattern` (a purl from a VEX statement or rule) names the package `purl`. Invalid purls never match. */
export function purlMatches(pattern: string, purl: string): boolean {
  const want = purlKey(pattern);
  const have = purlKey(purl);
  if (!want || !have) return false;
  if (want.type !== have.type || want.namespace !== have.namespace || want.name !== have.name) return false;
  if (want.version !== undefined && want.version !== have.version) return false;
  for (const [name, value] of Object.entries(want.qualifiers)) {
    if (IGNORED_QUALIFIERS.has(name)) continue;
    if (have.qualifiers[name] !== value) return false;
  }
  return true;
}
