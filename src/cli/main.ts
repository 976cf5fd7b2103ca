/** The `lucent` command line: builds the program, runs it, and turns errors into messages and exit codes. */
import { Command, CommanderError } from 'commander';
import { describeError, EXIT_ERROR, isLucentError } from '../core/errors.ts';
import { version } from './version.ts';

/**
 * Every command, in help order. A command's module (and everything it imports) loads only when that command runs,
 * or for help: start-up is most of a warm `lucent analyze`.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./commands/scan.ts')).scanCommand(),
  analyze: async () => (await import('./commands/analyze.ts')).analyzeCommand(),
  inspect: async () => (await import('./commands/inspect.ts')).inspectCommand(),
  files: async () => (await import('./commands/files.ts')).filesCommand(),
  cache: async () => (await import('./commands/cache.ts')).cacheCommand(),
  db: async () => (await import('./commands/db.ts')).dbCommand(),
  server: async () => (await import('./commands/server.ts')).serverCommand(),
  runtime: async () => (await import('./commands/runtime.ts')).runtimeCommand(),
  worker: async () => (await import('./commands/worker.ts')).workerCommand(),
};

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

/** Builds the program with the command `argv` names, or with every command when it names none it knows (help). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
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
  const named = commandNameIn(argv);
  const loaders =
    named !== undefined && Object.hasOwn(COMMANDS, named)
      ? [COMMANDS[named]]
      : named === undefined && argv.some((arg) => arg === '-V' || arg === '--version')
        ? []
        : Object.values(COMMANDS);
  for (const command of await Promise.all(loaders.map((load) => (load as () => Promise<Command>)()))) {
    program.addCommand(command.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return program;
}

/** The first argument that is neither a global option nor its value: the command's name. */
function commandNameIn(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--cache-dir') i += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Runs the CLI with process-style argv and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
