/**
 * RPM's `[epoch:]version[-release]` split, as rpm's `parseEVR` does it (rpmio/rpmver.c,
 * https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmver.c).
 */

/** An RPM EVR. `epoch` and `release` are undefined when the text has none, which rpm orders differently from ''. */
export interface RpmVersion {
  epoch: string | undefined;
  version: string;
  release: string | undefined;
}

/**
 * Splits an EVR. The epoch is a run of leading digits ended by ':' (so `a:1` or `1.m+e2:1` has no epoch, and `:1` has
 * epoch 0); the release is whatever follows the last '-'.
 */
export function parseRpmVersion(evr: string): RpmVersion {
  const digits = /^\d*/.exec(evr)?.[0] ?? '';
  const hasEpoch = evr[digits.length] === ':';
  const epoch = hasEpoch ? digits || '0' : undefined;
  const rest = hasEpoch ? evr.slice(digits.length + 1) : evr;
  const hyphen = rest.lastIndexOf('-');
  if (hyphen === -1) return { epoch, version: rest, release: undefined };
  return { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) };
}
