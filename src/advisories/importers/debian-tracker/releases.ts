/**
 * Debian release codenames → OSV `Debian:<n>` ecosystems. OSV names Debian releases by number
 * (https://ossf.github.io/osv-schema/#affectedpackage-field), the tracker by codename (https://www.debian.org/releases/).
 */

/** Release numbers by codename; woody and sarge keep their minor number, being 3.0 and 3.1. */
const RELEASE_NUMBERS: Readonly<Record<string, string>> = {
  woody: '3.0',
  sarge: '3.1',
  etch: '4',
  lenny: '5',
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

/** Suites with no release number, so no OSV ecosystem: nothing installed from them can be matched by release. */
const UNNUMBERED = new Set(['sid', 'unstable', 'experimental']);

/** The OSV ecosystem of a codename (`bullseye` → `Debian:11`); null for sid; undefined when unknown. */
export function debianEcosystem(codename: string): string | null | undefined {
  if (UNNUMBERED.has(codename)) return null;
  const number = RELEASE_NUMBERS[codename];
  return number === undefined ? undefined : `Debian:${number}`;
}

/** The tracker's urgencies (https://security-team.debian.org/security_tracker.html, "Severity levels"). */
export const URGENCIES = new Set(['unimportant', 'low', 'medium', 'high', 'not yet assigned', 'end-of-life']);
