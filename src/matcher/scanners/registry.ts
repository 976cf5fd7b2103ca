/**
 * The external vulnerability scanners, as an explicit list; `--scanners builtin,grype,trivy,dependency-track` picks
 * from it (`builtin` is the matcher itself). The order is the order of reports' `reportedBy` and of the merge.
 */
import { dependencyTrackScanner } from './dependency-track/index.ts';
import { grypeScanner } from './grype/index.ts';
import type { VulnerabilityScanner } from './scanner.ts';
import { trivyScanner } from './trivy/index.ts';

/** Every external scanner. */
export const VULNERABILITY_SCANNERS: readonly VulnerabilityScanner[] = [
  grypeScanner,
  trivyScanner,
  dependencyTrackScanner,
];

/** The name `--scanners` gives the built-in matcher. */
export const BUILTIN_SCANNER_OPTION = 'builtin';
