/**
 * The parts of a CycloneDX 1.4–1.7 BOM that the decoders read (https://cyclonedx.org/docs/1.7/json/), validated at
 * the boundary. Lenient on purpose: other tools add fields of their own, which pass through unchecked. The XML
 * decoder converts to this same shape.
 */
import { z } from 'zod';

const property = z.looseObject({ name: z.string(), value: z.string().default('') });

const licenseChoice = z.looseObject({
  license: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  expression: z.string().optional(),
});

const component = z.looseObject({
  type: z.string(),
  name: z.string(),
  'bom-ref': z.string().optional(),
  group: z.string().optional(),
  version: z.string().optional(),
  purl: z.string().optional(),
  cpe: z.string().optional(),
  licenses: z.array(licenseChoice).optional(),
  hashes: z.array(z.looseObject({ alg: z.string(), content: z.string() })).optional(),
  properties: z.array(property).optional(),
  // Components may nest (CycloneDX `components.components`).
  get components() {
    return z.array(component).optional();
  },
});

const tool = z.looseObject({
  vendor: z.string().optional(),
  group: z.string().optional(),
  name: z.string().optional(),
});

/** A CycloneDX BOM as the decoders see it. */
export const cycloneDxInputSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.enum(['1.4', '1.5', '1.6', '1.7'], { error: 'only CycloneDX 1.4 to 1.7 is supported' }),
  metadata: z
    .looseObject({
      // 1.4: a list of tools; 1.5+: `{ components, services }` (the list form is deprecated but still allowed).
      tools: z
        .union([
          z.array(tool),
          z.looseObject({ components: z.array(tool).optional(), services: z.array(tool).optional() }),
        ])
        .optional(),
      component: component.optional(),
    })
    .optional(),
  components: z.array(component).default([]),
  dependencies: z.array(z.looseObject({ ref: z.string(), dependsOn: z.array(z.string()).optional() })).default([]),
});

/** A decoded CycloneDX BOM. */
export type CycloneDxInput = z.infer<typeof cycloneDxInputSchema>;
/** One component of a decoded BOM. */
export type CycloneDxComponent = z.infer<typeof component>;
