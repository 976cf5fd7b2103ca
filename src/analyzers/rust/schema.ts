/**
 * Validation of Rust inputs at the boundary: Cargo.lock packages (https://doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html;
 * the format is Cargo's `EncodableResolve`, versions 1–4) and the cargo-auditable audit data
 * (https://github.com/rust-secure-code/cargo-auditable/blob/master/cargo-auditable.schema.json).
 */
import { z } from 'zod';

/** One `[[package]]` of a Cargo.lock file. */
export const cargoLockPackageSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  source: z.string().optional(),
  checksum: z.string().optional(),
  dependencies: z.array(z.string()).optional(),
});

/** A Cargo.lock file: packages are validated one by one, so one bad entry does not hide the others. */
export const cargoLockSchema = z.object({
  version: z.number().int().optional(),
  package: z.array(z.unknown()).optional(),
});

/** One package of the audit data: `source` is "crates.io", "git", "local", "registry" or `{Other: …}`. */
export const auditablePackageSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  source: z.union([z.string(), z.object({ Other: z.string() })]),
  kind: z.string().optional(),
  dependencies: z.array(z.number().int().nonnegative()).optional(),
  root: z.boolean().optional(),
});

/** The audit data embedded by cargo-auditable. */
export const auditableSchema = z.object({
  format: z.number().int().optional(),
  packages: z.array(auditablePackageSchema),
});

/** A validated Cargo.lock package. */
export type CargoLockPackage = z.infer<typeof cargoLockPackageSchema>;
/** A validated audit data package. */
export type AuditablePackage = z.infer<typeof auditablePackageSchema>;
