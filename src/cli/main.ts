/** The `lucent` command line: builds the program, runs it, and turns errors into messages and exit codes. */
import { Command, CommanderError } from 'commander';
import { describeError, EXIT_ERROR, isLucentError } from '../core/errors.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { cacheCommand } from './commands/cache.ts';
import { dbCommand } from './commands/db.ts';
import { filesCommand } from './commands/files.ts';
import { inspectCommand } from './commands/inspect.ts';
import { runtimeCommand } from './commands/runtime.ts';
import { scanCommand } from './commands/scan.ts';
import { serverCommand } from './commands/server.ts';
import { workerCommand } from './commands/worker.ts';
import { version } from './version.ts';

const SOURCES_HELP = `
Sources:
  registry:REF         an image in a registry (docker.io/library/alpine:3.20, localhost:5000/app@sha256:…)
  docker-archive:PATH  a \`docker save\` tarball (also gzipped; Docker >= 25 and containerd \`ctr export\` layouts)
  oci-archive:PATH     a tarball of an OCI image layout
  oci-dir:PATH         an OCI image layout directory
  dir:PATH             a directory or unpacked root filesystem
  file:PATH            a single file
  A bare argument is detected: an existing path by its content, anything else as an image reference.

Environment:
  LUCENT_CACHE_DIR     layer cache directory (default $XDG_CACHE_HOME/lucent or ~/.cache/lucent)
  LUCENT_DB            advisory database file (default $XDG_DATA_HOME/lucent/advisories.db)
  LUCENT_REGISTRY_USERNAME, LUCENT_REGISTRY_PASSWORD, LUCENT_REGISTRY_TOKEN   registry credentials

Exit codes: 0 ok, 1 error, 2 policy failed.`;

/** Builds the program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('lucent')
    .description('Find what is inside container images and filesystems, and the known vulnerabilities in it.')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces and internal details of errors')
    .option('-q, --quiet', 'no progress display')
    .option('--cache-dir <dir>', 'layer cache directory')
    .option('--no-cache', 'neither read nor write the layer cache')
    .addHelpText('after', SOURCES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of [
    scanCommand(),
    analyzeCommand(),
    inspectCommand(),
    filesCommand(),
    cacheCommand(),
    dbCommand(),
    serverCommand(),
    runtimeCommand(),
    workerCommand(),
  ]) {
    program.addCommand(command.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return program;
}

/** Runs the CLI with process-style argv and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    // A command that ran but must report a policy failure sets the exit code (2) itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const debug = argv.includes('--debug');
    process.stderr.write(`error: ${describeError(error)}\n`);
    // Stack traces are for bugs: user errors and system errors (EACCES, ENOSPC…) get their message only.
    if (debug || !(isLucentError(error) || isSystemError(error))) {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
      if (isLucentError(error) && error.cause instanceof Error) process.stderr.write(`cause: ${error.cause.stack}\n`);
    }
    return EXIT_ERROR;
  }
}

function isSystemError(error: unknown): boolean {
  return typeof (error as { syscall?: unknown })?.syscall === 'string';
}
