/**
 * CycloneDX VEX (https://cyclonedx.org/capabilities/vex/; fields from https://cyclonedx.org/docs/1.6/json/), in zod:
 * the parts of a CycloneDX JSON document (1.4 to 1.6) that a VEX reader needs. Everything else passes through, so a
 * full SBOM with embedded vulnerabilities reads as well as a standalone VEX BOM.
 */
import { z } from 'zod';

/** `analysis.state` values. */
export const CYCLONEDX_ANALYSIS_STATES = [
  'resolved',
  'resolved_with_pedigree',
  'exploitable',
  'in_triage',
  'false_positive',
  'not_affected',
] as const;

/** `analysis.justification` values. */
export const CYCLONEDX_JUSTIFICATIONS = [
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
] as const;

/** A component, with the nested components a BOM may have. */
export interface CycloneDxComponent {
  'bom-ref'?: string | undefined;
  purl?: string | undefined;
  name?: string | undefined;
  components?: CycloneDxComponent[] | undefined;
}

const component: z.ZodType<CycloneDxComponent> = z.lazy(() =>
  z.object({
    'bom-ref': z.string().optional(),
    purl: z.string().optional(),
    name: z.string().optional(),
    components: z.array(component).optional(),
  }),
);

const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'expected an RFC 3339 date-time',
});

/** One entry of `vulnerabilities`. */
export const cycloneDxVulnerabilitySchema = z.object({
  'bom-ref': z.string().optional(),
  id: z.string().min(1).optional(),
  references: z.array(z.object({ id: z.string().min(1) })).optional(),
  analysis: z
    .object({
      state: z.enum(CYCLONEDX_ANALYSIS_STATES).optional(),
      justification: z.enum(CYCLONEDX_JUSTIFICATIONS).optional(),
      detail: z.string().optional(),
      firstIssued: timestamp.optional(),
      lastUpdated: timestamp.optional(),
    })
    .optional(),
  affects: z
    .array(
      z.object({
        ref: z.string().min(1),
        versions: z
          .array(
            z.object({ version: z.string().optional(), range: z.string().optional(), status: z.string().optional() }),
          )
          .optional(),
      }),
    )
    .optional(),
  published: timestamp.optional(),
  updated: timestamp.optional(),
});

/** A CycloneDX document, as far as VEX reading goes. */
export const cycloneDxVexSchema = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  serialNumber: z.string().optional(),
  metadata: z.object({ timestamp: timestamp.optional(), component: component.optional() }).optional(),
  components: z.array(component).optional(),
  vulnerabilities: z.array(cycloneDxVulnerabilitySchema).optional(),
});

/** A vulnerability entry, as its schema types it. */
export type CycloneDxVulnerability = z.infer<typeof cycloneDxVulnerabilitySchema>;
