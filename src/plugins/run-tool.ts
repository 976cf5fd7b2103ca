/** Running external tools (Trivy, Syft, Grype…): finding the binary, and running it with a timeout. */
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** Finds an executable: an explicit path first (e.g. `$LUCENT_TRIVY_PATH`), then each directory of `PATH`. */
export async function findExecutable(
  names: readonly string[],
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const candidates = explicit
    ? [explicit]
    : (env.PATH ?? '').split(delimiter).flatMap((dir) => names.map((name) => join(dir, name)));
  for (const candidate of candidates) {
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return undefined;
}

/** What a tool printed, and how it ended. */
export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a tool to completion, killing it after `timeoutMs`. Output is capped to keep memory bounded. */
export function runTool(
  command: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; maxBytes?: number },
): Promise<ToolRun> {
  const maxBytes = options.maxBytes ?? 512 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= maxBytes) out.push(chunk);
      else child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 1000) err.push(chunk);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}
