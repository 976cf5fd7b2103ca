/**
 * OpenVEX v0.2.0 (https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md, JSON schema openvex_json_schema.json),
 * in zod: what Lucent reads of a document. Extensions and fields Lucent does not use pass through. v0.0.x documents
 * wrote the vulnerability and products as plain strings; those are read too.
 */
import { z } from 'zod';
import { VEX_STATUSES } from '../../vex-statements.ts';

/** The `@context` prefix that marks an OpenVEX document (`https://openvex.dev/ns/v0.2.0`, or `…/ns` for v0.0.x). */
export const OPENVEX_CONTEXT = 'https://openvex.dev/ns';

/** Status justifications (spec, "Status Justifications"). */
export const OPENVEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;

const text = z.string().min(1);

const identifiers = z.object({ purl: text.optional(), cpe22: text.optional(), cpe23: text.optional() }).partial();

/** A component: `@id` and/or identifiers; a plain string in v0.0.x. */
const component = z.union([text, z.object({ '@id': text.optional(), identifiers: identifiers.optional() })]);

const product = z.union([
  text,
  z.object({
    '@id': text.optional(),
    identifiers: identifiers.optional(),
    subcomponents: z.array(component).optional(),
  }),
]);

const vulnerability = z.union([
  text,
  z.object({
    '@id': text.optional(),
    name: text,
    description: z.string().optional(),
    aliases: z.array(text).optional(),
  }),
]);

const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'expected an RFC 3339 date-time',
});

/** One statement. */
export const openVexStatementSchema = z.object({
  '@id': z.string().optional(),
  vulnerability,
  timestamp: timestamp.optional(),
  last_updated: timestamp.optional(),
  products: z.array(product).optional(),
  /** v0.0.x: subcomponents beside the products, for all of them. */
  subcomponents: z.array(component).optional(),
  status: z.enum(VEX_STATUSES),
  status_notes: z.string().optional(),
  justification: z.enum(OPENVEX_JUSTIFICATIONS).optional(),
  impact_statement: z.string().optional(),
  action_statement: z.string().optional(),
});

/** A document. */
export const openVexDocumentSchema = z.object({
  '@context': z.string().startsWith(OPENVEX_CONTEXT),
  '@id': z.string().optional(),
  author: z.string().optional(),
  timestamp: timestamp.optional(),
  last_updated: timestamp.optional(),
  version: z.union([z.number(), z.string()]).optional(),
  statements: z.array(openVexStatementSchema),
});

/** An OpenVEX component (product or subcomponent). */
export type OpenVexComponent = z.infer<typeof component>;
