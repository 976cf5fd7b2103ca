/**
 * Debian version syntax, `[epoch:]upstream_version[-debian_revision]`, split the way dpkg's `parseversion` does
 * (lib/dpkg/parsehelp.c): Debian Policy §5.6.12, https://www.debian.org/doc/debian-policy/ch-controlfields.html#version
 */

/** A Debian version split into its three parts; a missing epoch is 0 and a missing revision is ''. */
export interface DebVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

// dpkg stores the epoch in an int and rejects anything above INT_MAX.
const MAX_EPOCH = 2 ** 31 - 1;

/**
 * Parses a Debian version, or returns the reason dpkg would refuse it. Only dpkg's hard errors are refusals: its
 * warnings (upstream not starting with a digit, characters outside the Policy set) still compare, so they pass here.
 */
export function parseDebVersion(text: string): DebVersion | string {
  // dpkg skips leading and trailing blanks, and refuses blanks inside.
  const version = text.trim();
  if (version === '') return 'version string is empty';
  if (/\s/.test(version)) return 'version string has embedded spaces';

  let epoch = 0;
  let rest = version;
  const colon = version.indexOf(':');
  if (colon !== -1) {
    const epochText = version.slice(0, colon);
    if (epochText === '') return 'epoch in version is empty';
    if (!/^\d+$/.test(epochText)) return 'epoch in version is not number';
    epoch = Number(epochText);
    if (epoch > MAX_EPOCH) return 'epoch in version is too big';
    rest = version.slice(colon + 1);
    if (rest === '') return 'nothing after colon in version number';
  }

  // The revision starts after the LAST hyphen, so the upstream version may hold hyphens of its own.
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const revision = hyphen === -1 ? '' : rest.slice(hyphen + 1);
  if (hyphen !== -1 && revision === '') return 'revision number is empty';
  if (upstream === '') return 'version number is empty';
  return { epoch, upstream, revision };
}
