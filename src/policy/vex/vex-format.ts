/** The contract every VEX format folder (`vex/<format>/format.ts`) fulfils: recognise a parsed JSON document, read it. */
import type { VexStatement } from '../vex-statements.ts';

/** What a VEX document yields: its statements, and what in it could not be used (not errors: the scan goes on). */
export interface VexParseResult {
  statements: VexStatement[];
  warnings: string[];
}

/** One VEX format. */
export interface VexFormat {
  name: VexStatement['format'];
  /** True when the JSON document is of this format (cheap: looks at its markers only). */
  detect(document: unknown): boolean;
  /** Validates and reads a document; throws E_POLICY_FILE_INVALID naming `file` and the bad field. */
  parse(document: unknown, file: string): VexParseResult;
}
