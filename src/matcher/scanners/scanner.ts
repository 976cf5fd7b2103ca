/**
 * External vulnerability scanners (DESIGN §6): Grype, Trivy, Dependency-Track behind one contract. Each is handed the
 * SBOM Lucent wrote for the scan (CycloneDX JSON whose bom-refs are the inventory's purls, see `scanner-sbom.ts`) and
 * returns findings that name the package by purl and bom-ref, so they map back to the inventory's components.
 */
import type { FindingSeverity } from '../match.ts';

/** Settings from flags and environment; each adapter reads only its own. */
export interface ScannerOptions {
  /** Dependency-Track's base URL (`--dtrack-url`, `$LUCENT_DTRACK_URL`). */
  dtrackUrl?: string;
  /** Dependency-Track project name and version; defaults: the scanned subject's name, and `latest`. */
  dtrackProject?: string;
  dtrackProjectVersion?: string;
  /** Trivy's cache directory, which holds its vulnerability DB (`--trivy-cache-dir`). */
  trivyCacheDir?: string;
}

/** How a scanner runs. */
export interface ScannerContext {
  env: NodeJS.ProcessEnv;
  /** The longest one scanner may take, start to end (an external tool's run, or every HTTP call and poll). */
  timeoutMs: number;
  options: ScannerOptions;
  /** A fixed interval for asking Dependency-Track whether it has processed the BOM (default: backing off 0.5–5 s). */
  pollIntervalMs?: number;
}

/** The SBOM the scanners read. */
export interface ScannerInput {
  /** A CycloneDX JSON file, removed after the scan. */
  path: string;
  /** The same document as text (for APIs that take the BOM in the request body). */
  text: string;
  /** The scanned subject (image or SBOM name) and its version, when known: defaults for server-side project names. */
  subject: { name: string; version?: string };
}

/** One vulnerability in one package, as an external scanner reports it. */
export interface ScannerFinding {
  id: string;
  /** Other ids of the same vulnerability the scanner gives (GHSA ↔ CVE, …), without `id`. */
  aliases: string[];
  /** The package as the scanner names it: its purl, and the SBOM bom-ref when the scanner keeps it. */
  purl?: string;
  bomRef?: string;
  packageName: string;
  installedVersion: string;
  /** Versions that fix it, as the scanner lists them; empty when it names none. */
  fixedVersions: string[];
  severity?: FindingSeverity;
  summary?: string;
}

/** Whether a scanner can run here, and if not, why (a missing binary, DB or API key). */
export type Availability = { available: true } | { available: false; reason: string };

/** An external vulnerability scanner. */
export interface VulnerabilityScanner {
  /** The name `--scanners` uses and reports show in `reportedBy`. */
  readonly name: string;
  /** Bumped when the adapter's output for the same tool output changes. */
  readonly version?: number;
  /** Cheap checks only (a binary on PATH, a DB file, a URL and key): nothing is scanned. */
  available(context: ScannerContext): Promise<Availability>;
  /** Scans the SBOM; throws an Error whose message says why it failed. */
  scan(input: ScannerInput, context: ScannerContext): Promise<ScannerFinding[]>;
}
