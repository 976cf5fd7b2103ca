/** The host programs the image build runs: finding them on PATH, and running them with the build's environment. */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { SOURCE_DATE_EPOCH } from './debian-image-recipes.ts';

/** Whether `program` is an executable file in one of PATH's directories. */
export async function onPath(program: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (
      dir &&
      (await access(join(dir, program), constants.X_OK).then(
        () => true,
        () => false,
      ))
    )
      return true;
  }
  return false;
}

/** Runs a program; resolves with its stdout, streams its stderr lines to `log`, rejects with its last lines. */
export function run(command: string, args: string[], options: { log?: (line: string) => void } = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH), LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const tail: string[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        options.log?.(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (partial) tail.push(partial);
      if (code === 0) resolvePromise(Buffer.concat(stdout).toString('utf8'));
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail.join('\n')}`));
    });
  });
}
