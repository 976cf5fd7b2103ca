/**
 * The ignore file's schema (`.lucent.yaml`, docs/policy.md), in zod. Unknown keys are errors, so a typo (`expire:`,
 * `ignores:`) is reported instead of silently ignoring nothing.
 */
import { z } from 'zod';
import { isValidExpiry } from '../ignore-rules.ts';

/** `expires`: a date or an RFC 3339 date-time; a YAML 1.1 timestamp (a Date) is taken as its UTC date. */
const expires = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine(isValidExpiry, { message: 'expected a date (YYYY-MM-DD) or an RFC 3339 date-time' });

const text = z.string().trim().min(1, { message: 'must not be empty' });

/** One `ignore:` entry. */
export const ignoreEntrySchema = z
  .strictObject({
    id: text.optional(),
    package: text.optional(),
    reason: text.optional(),
    expires: expires.optional(),
  })
  .refine((entry) => entry.id !== undefined || entry.package !== undefined, {
    message: 'an entry needs an id, a package, or both',
  });

/** The whole file. */
export const ignoreFileSchema = z.strictObject({
  ignore: z.array(ignoreEntrySchema).default([]),
});

/** The ignore file, as its schema types it. */
export type IgnoreFile = z.infer<typeof ignoreFileSchema>;
