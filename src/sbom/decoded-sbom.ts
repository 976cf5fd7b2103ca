/** What decoding an SBOM gives, and the error for input that is no supported SBOM. */
import { LucentError } from '../core/errors.ts';
import type { Package } from '../core/package.ts';
import type { SkippedEntry } from './decoded-package.ts';
import type { SbomFormat } from './encode.ts';

/** How to decode. */
export interface DecodeOptions {
  /** The `foundBy` of every package (e.g. `trivy` for the Trivy plug-in); default: the SBOM's tool name. */
  label?: string;
}

/** What an SBOM contained. */
export interface DecodedSbom {
  format: SbomFormat;
  /** `1.6`, `SPDX-2.3`, … */
  specVersion: string;
  /** The first tool the SBOM names, as a label (`trivy`, `syft`, `cdxgen`, `lucent`), or `unknown`. */
  tool: string;
  packages: Package[];
  /** Entries that are no packages Lucent models (OS, files, crypto assets, purl types such as `generic`). */
  skipped: SkippedEntry[];
}

/** An SBOM that cannot be read: the user's input error, reported with a hint. */
export class SbomFormatError extends LucentError {
  readonly issues: readonly unknown[];

  constructor(message: string, issues: readonly unknown[] = []) {
    super('E_SOURCE_INVALID', `SBOM: ${message}`, {
      hint: 'give a CycloneDX 1.4–1.7 (JSON or XML) or SPDX 2.2/2.3 JSON document',
    });
    this.issues = issues;
  }
}
