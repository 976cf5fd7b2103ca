/**
 * The versioning contract (DESIGN §6): every ecosystem's version order behind one interface, so the matcher compares
 * an installed version with an advisory's range the way that ecosystem's own tools would.
 */

/** A versioning scheme. */
export interface VersioningScheme {
  /** Stable name: 'semver', 'go', 'pep440', 'maven', 'deb', 'apk', 'rpm', 'gem', 'nuget', 'composer'. */
  readonly name: string;
  /** True when the text is a version this scheme can order. */
  isValid(version: string): boolean;
  /**
   * Orders two versions: negative when a < b, zero when equal, positive when a > b. Throws for an invalid version
   * (callers check `isValid` first, or treat the throw as "cannot compare").
   */
  compare(a: string, b: string): number;
}
