/**
 * Runs a Docker credential helper (`docker-credential-<name> get`): the server URL goes on stdin, and the helper
 * prints `{"ServerURL","Username","Secret"}`. Protocol: https://github.com/docker/docker-credential-helpers
 */
import { spawn } from 'node:child_process';
import { LucentError } from '../../../core/errors.ts';
import { credentialHelperOutputSchema } from './schema.ts';

/** What a helper returned: a username and password, or an identity token when the username is `<token>`. */
export type HelperCredential =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'identity-token'; token: string };

/** The message helpers print when they hold nothing for a server (credentials.errCredentialsNotFoundMessage). */
const NOT_FOUND = 'credentials not found';
/** A helper that needs longer than this (a locked keychain prompt, a hung network call) is reported, not awaited. */
const HELPER_TIMEOUT_MS = 30_000;
const OUTPUT_LIMIT = 1024 * 1024;

/** Asks `docker-credential-<helper>` for the credentials of `serverUrl`; undefined when it has none. */
export async function runCredentialHelper(
  helper: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<HelperCredential | undefined> {
  const program = `docker-credential-${helper}`;
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) {
    throw helperError(helper, `"${helper}" is not a valid helper name`);
  }
  const { code, stdout, stderr } = await run(program, serverUrl, env, helper);
  if (code !== 0) {
    if (`${stdout}\n${stderr}`.toLowerCase().includes(NOT_FOUND)) return undefined;
    const said = (stderr.trim() || stdout.trim()).split('\n')[0] ?? '';
    throw helperError(helper, `${program} get exited with code ${code}${said ? `: ${said}` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw helperError(helper, `${program} get printed something that is not JSON`);
  }
  const parsed = credentialHelperOutputSchema.safeParse(json);
  if (!parsed.success) throw helperError(helper, `${program} get did not print {"Username", "Secret"}`);
  const { Username, Secret } = parsed.data;
  if (Secret === '') return undefined;
  // docker/cli: a username of "<token>" marks the secret as an identity (OAuth 2 refresh) token.
  if (Username === '<token>') return { kind: 'identity-token', token: Secret };
  return { kind: 'basic', username: Username, password: Secret };
}

function run(
  program: string,
  input: string,
  env: NodeJS.ProcessEnv,
  helper: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // spawn looks the program up on env.PATH, so callers (and tests) choose where helpers come from.
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: HELPER_TIMEOUT_MS });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let overflowed = false;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size <= OUTPUT_LIMIT) into.push(chunk);
      else if (!overflowed) {
        overflowed = true;
        child.kill();
      }
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT' ? `${program} was not found on PATH` : `${program} could not run: ${error.message}`;
      reject(helperError(helper, reason, error));
    });
    child.on('close', (code, signal) => {
      if (overflowed) {
        reject(helperError(helper, `${program} get printed more than ${OUTPUT_LIMIT} bytes`));
        return;
      }
      if (signal !== null) {
        // spawn's `timeout` ends the helper with SIGTERM.
        const why =
          signal === 'SIGTERM' ? `did not answer within ${HELPER_TIMEOUT_MS / 1000} s` : `was killed (${signal})`;
        reject(helperError(helper, `${program} get ${why}`));
        return;
      }
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    // A helper that exits without reading stdin makes this write fail with EPIPE; its exit code tells the story.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

function helperError(helper: string, reason: string, cause?: unknown): LucentError {
  return new LucentError('E_CREDENTIAL_HELPER', `credential helper "${helper}" failed: ${reason}`, {
    hint: 'check the helper with `docker-credential-NAME get`, or fix credHelpers/credsStore in the Docker config',
    ...(cause === undefined ? {} : { cause }),
  });
}
