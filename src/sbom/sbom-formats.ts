/** The names of the SBOM formats, apart from their (heavier) encoders so the CLI can list them cheaply. */

/** The SBOM formats Lucent writes. */
export const SBOM_FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'] as const;

/** One of the SBOM formats Lucent writes. */
export type SbomFormat = (typeof SBOM_FORMATS)[number];
