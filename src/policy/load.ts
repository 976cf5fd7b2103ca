/**
 * Reads the policy files of a scan: the ignore file (`.lucent.yaml` in the working directory unless a path is given)
 * and the VEX documents. The only I/O of the policy; parsing lives in `ignore-file/` and `vex/<format>/`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LucentError } from '../core/errors.ts';
import { unreadableFile } from './file-errors.ts';
import { parseIgnoreFile } from './ignore-file/parse.ts';
import type { IgnoreRule } from './ignore-rules.ts';
import { VEX_FORMATS } from './vex/formats.ts';
import type { VexStatement } from './vex-statements.ts';

/** The ignore file looked for in the working directory when none is named. */
export const DEFAULT_IGNORE_FILE = '.lucent.yaml';

/** Rules of the ignore file: the named one (which must exist), else `.lucent.yaml` in `cwd` if there is one. */
export async function loadIgnoreRules(options: { path?: string; cwd: string }): Promise<IgnoreRule[]> {
  if (options.path !== undefined) {
    return parseIgnoreFile(await readPolicyFile(options.path, 'ignore file'), options.path);
  }
  const text = await readFile(join(options.cwd, DEFAULT_IGNORE_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? [] : parseIgnoreFile(text, DEFAULT_IGNORE_FILE);
}

/** Statements of every VEX document, in the order given (later documents win ties), and what could not be used. */
export async function loadVexStatements(
  paths: readonly string[],
): Promise<{ statements: VexStatement[]; warnings: string[] }> {
  const statements: VexStatement[] = [];
  const warnings: string[] = [];
  for (const path of paths) {
    const result = parseVexDocument(await readPolicyFile(path, 'VEX document'), path);
    statements.push(...result.statements);
    warnings.push(...result.warnings);
  }
  return { statements, warnings };
}

/** Everything the policy reads from files, and the warnings reading it gave. */
export async function loadPolicyFiles(options: {
  ignoreFile?: string;
  vexFiles: readonly string[];
  cwd: string;
}): Promise<{ ignore: IgnoreRule[]; vex: VexStatement[]; warnings: string[] }> {
  const ignore = await loadIgnoreRules({
    cwd: options.cwd,
    ...(options.ignoreFile ? { path: options.ignoreFile } : {}),
  });
  const { statements, warnings } = await loadVexStatements(options.vexFiles);
  return { ignore, vex: statements, warnings };
}

/** Parses one VEX document (JSON) with the first format that recognises it. */
export function parseVexDocument(text: string, file: string): { statements: VexStatement[]; warnings: string[] } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw unreadableFile(file, `not JSON (${(error as Error).message})`, 'VEX documents are OpenVEX or CycloneDX JSON');
  }
  const format = VEX_FORMATS.find((candidate) => candidate.detect(document));
  if (!format) {
    throw unreadableFile(
      file,
      'neither OpenVEX (an "@context" of https://openvex.dev/ns/…) nor CycloneDX ("bomFormat": "CycloneDX")',
      'VEX documents are OpenVEX or CycloneDX JSON',
    );
  }
  return format.parse(document, file);
}

async function readPolicyFile(path: string, what: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new LucentError('E_POLICY_FILE_NOT_FOUND', `${what} not found: ${path}`, { hint: 'check the path' });
    }
    if (error.code === 'EISDIR') {
      throw new LucentError('E_POLICY_FILE_NOT_FOUND', `${what} is a directory: ${path}`, { hint: 'name a file' });
    }
    throw error;
  });
}
