// The demo's `lucent server`: a child process in its own process group, so a Ctrl-C reaches it once, through the
// demo (which forwards it as SIGTERM and waits for the graceful shutdown), and not a second time from the terminal,
// which the server would take as "exit now".
import { createServer } from 'node:net';
import { spawnLucent } from './commands.js';

/** The port to listen on: `requested` when given; else 8080 when it is free on 127.0.0.1, else 0 (any free one). */
export async function choosePort(requested) {
  if (requested !== undefined) return requested;
  return (await isFree(8080)) ? 8080 : 0;
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts `lucent ARGS…` (a `server` command), prints its start-up lines through `out`, and resolves once it listens
 * and `/readyz` answers: `{ url, exited, stop }`. `exited` resolves with its exit code (or signal name); `stop()` sends
 * SIGTERM and waits for it. Rejects when the server exits or fails to become ready within `timeoutMs`.
 */
export async function startDemoServer(args, env, out, timeoutMs = 60_000) {
  const child = spawnLucent(args, env, { detached: true, stderr: 'inherit', track: false });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let signalled = false;
  // One SIGTERM only: a second signal makes the server exit at once, without finishing requests.
  const stop = async () => {
    if (!signalled && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    signalled = true;
    return exited;
  };
  let url;
  try {
    url = await listeningUrl(child, exited, out, timeoutMs);
    await ready(url, exited, Date.now() + timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, exited, stop, kill: () => child.kill('SIGKILL') };
}

function listeningUrl(child, exited, out, timeoutMs) {
  return new Promise((resolve, reject) => {
    let pending = '';
    let found;
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    child.stdout.setEncoding('utf8');
    // Every line is printed, also after start-up (the pipe must be drained anyway).
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        out(line);
        found ??= /listening on (http:\/\/\S+)/.exec(line)?.[1];
      }
      // The start-up lines are written at once; the URL is known when they are.
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening`));
    });
  });
}

async function ready(url, exited, deadline) {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!done && Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not answering yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(done ? 'the server exited before it was ready' : 'the server did not become ready');
}
