#!/usr/bin/env node
// `npm run demo`: the main job, offline, on the bundled SAMPLES (never mixed into real results): start `lucent server`
// on embedded SQLite in a demo directory, import the sample advisories into a separate sample advisory database the
// server uses, analyze and scan the sample images with CI exports to the server, print the dashboard URL and a login
// token, and keep serving until Ctrl-C. `--no-wait` (or LUCENT_DEMO_EXIT=1) stops the server and exits instead.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { commandRunner, demoEnv, signalRunning } from './demo/commands.js';
import { choosePort, startDemoServer } from './demo/server.js';
import {
  demoDirectory,
  demoFiles,
  ensureBuilt,
  ROOT,
  SAMPLES,
  startAfresh,
  unpackSampleAdvisories,
} from './demo/setup.js';

const USAGE = `usage: npm run demo [-- [--no-wait] [--port N]]   (or: node scripts/demo.js [--no-wait] [--port N])

  --no-wait   stop the server and exit when the demo has run (also LUCENT_DEMO_EXIT=1)
  --port N    port on 127.0.0.1 (also LUCENT_DEMO_PORT; default 8080 when free, else any free one; 0: any)
  LUCENT_DEMO_DIR  the demo directory (default $XDG_DATA_HOME/lucent/demo, i.e. ~/.local/share/lucent/demo)`;

// Signals closer together than this are one stop request: `npm run` forwards the terminal's Ctrl-C to the demo, which
// also receives it from the terminal directly.
const DUPLICATE_SIGNAL_MS = 2000;

const out = (line = '') => process.stdout.write(`${line}\n`);
const flags = parseFlags();
let stopRequest;
let firstSignalAt = 0;
let server;
const stopped = new Promise((resolve) => {
  stopRequest = resolve;
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
// A last resort when the demo dies unexpectedly: the server runs in its own process group and would outlive it.
process.on('exit', () => server?.kill());

process.exitCode = await main();

async function main() {
  const { dir, note } = demoDirectory();
  const files = demoFiles(dir);
  const adminToken = `lcn_${randomBytes(24).toString('base64url')}`;
  const writerToken = { value: '' };
  const display = displayer(dir, [adminToken, writerToken]);
  const env = demoEnv(process.env, files.cache);
  const lucent = commandRunner({ env, display, out });
  let completed = false;
  try {
    out('Lucent demo: the main job, offline, on bundled SAMPLES (a Debian 10 nginx image and an Alpine 3.11 image,');
    out('and an April 2023 snapshot of the Debian security tracker; origins in samples/README.md).');
    out(`Demo directory: ${dir} ${note}`.trimEnd());
    out('  It holds the demo server database, the sample advisory database and a layer cache of its own: your own');
    out('  server and advisory databases are not touched. Each run starts afresh. Below, $DEMO is this directory.');
    ensureBuilt(out);
    startAfresh(files);

    step('Import the sample advisories into the separate sample advisory database');
    const lists = await unpackSampleAdvisories(files.advisoryLists);
    await lucent(['db', 'import', ...lists, '--db', files.advisoryDb]);

    step('Start the server on embedded SQLite, re-matching with the sample advisory database');
    server = await startServer(files, env, display, adminToken);
    writerToken.value = await createWriterToken(server.url, adminToken);
    out(`Created a writer token for the CI exports below (POST /api/auth/tokens with the admin token): lcn_…`);

    const exportTo = (application) => [
      '--export',
      '--server',
      server.url,
      '--token',
      writerToken.value,
      '--application',
      application,
      '--create-application',
    ];
    step('Inspect the Debian sample image');
    await lucent(['inspect', SAMPLES.debian], { rows: 3 });
    step('Analyze it (its SBOM) and export the analysis, as a build stage would');
    await lucent(['analyze', SAMPLES.debian, '--format', 'table', ...exportTo('sample-nginx-debian10')]);
    step('Scan it with the sample advisories and export the findings, as a later stage would');
    await lucent(['scan', SAMPLES.debian, '--db', files.advisoryDb, ...exportTo('sample-nginx-debian10')], {
      rows: 12,
    });
    step('Analyze the Alpine sample image and export its packages (no Alpine advisories are bundled: no scan)');
    await lucent(['analyze', SAMPLES.alpine, '--format', 'table', ...exportTo('sample-alpine-3.11')], { rows: 5 });
    completed = true;
    summary(server.url, adminToken, dir);
    if (flags.noWait) {
      out('--no-wait: stopping the demo server.');
    } else {
      out('The demo server keeps running: press Ctrl-C to stop it.');
      const how = await Promise.race([stopped, server.exited.then((code) => `exit ${code}`)]);
      if (how.startsWith('exit')) throw new Error(`the demo server stopped by itself (${how})`);
    }
  } catch (error) {
    if (!stopping()) {
      process.stderr.write(`demo failed: ${error.message}\n`);
      await stopServer();
      return 1;
    }
  }
  const code = await stopServer();
  if (code !== undefined) out(code === 0 ? 'Demo server stopped.' : `Demo server stopped (${code}).`);
  return completed ? 0 : 130;
}

function step(title) {
  if (stopping()) throw new Error('stopped');
  step.count = (step.count ?? 0) + 1;
  out(`\n[${step.count}] ${title}`);
}

async function startServer(files, env, display, adminToken) {
  const requested = flags.port;
  const port = await choosePort(requested === undefined ? undefined : Number(requested));
  const args = (listenPort) => [
    'server',
    '--listen',
    `127.0.0.1:${listenPort}`,
    '--database-url',
    `sqlite:${files.serverDb}`,
    '--advisory-db',
    files.advisoryDb,
    // Offline: no scheduled `lucent db update`; the sample advisory database is all it uses.
    '--db-update-interval',
    'off',
    '--log-level',
    'warn',
  ];
  if (requested === undefined && port === 0) out('(port 8080 is in use: the server takes any free port)');
  const serverEnv = { ...env, LUCENT_ADMIN_TOKEN: adminToken };
  out(`$ LUCENT_ADMIN_TOKEN=lcn_… lucent ${args(port).map(display).join(' ')} &`);
  try {
    return await startDemoServer(args(port), serverEnv, out);
  } catch (error) {
    // 8080 was free a moment ago; when something took it since, any free port will do.
    if (requested !== undefined || port === 0 || stopping()) throw error;
    out(`(${error.message}; trying any free port)`);
    return startDemoServer(args(0), serverEnv, out);
  }
}

async function createWriterToken(url, adminToken) {
  const response = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'demo-ci', role: 'writer' }),
  });
  if (response.status !== 201) throw new Error(`creating a writer token: ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

function summary(url, adminToken, dir) {
  out('');
  out('─'.repeat(100));
  const built = existsSync(join(ROOT, 'web/dist/index.html'));
  out(
    `Dashboard:   ${url}/${built ? '' : '  (not built: run `npm run build:web` and restart the demo; the API works)'}`,
  );
  out(`Login token: ${adminToken}`);
  out('             (the admin token of the demo server: on the sign-in page choose "API token" and paste it)');
  out(`API:         curl -H "Authorization: Bearer ${adminToken}" ${url}/api/vulnerabilities`);
  out(`Data:        ${dir} (sample data only; the next run starts afresh)`);
  out('Next:        `npx lucent db update`, then `npx lucent scan registry:debian:12 --fail-on high`, and');
  out('             `npx lucent server` for your own results (docs/server.md).');
  out('─'.repeat(100));
}

async function stopServer() {
  if (!server) return undefined;
  const running = server;
  server = undefined;
  return running.stop();
}

function onSignal(signal) {
  const now = Date.now();
  if (firstSignalAt === 0) {
    firstSignalAt = now;
    out(`\n${signal}: stopping the demo (a second Ctrl-C stops it at once).`);
    signalRunning('SIGTERM');
    stopRequest(signal);
  } else if (now - firstSignalAt > DUPLICATE_SIGNAL_MS) {
    server?.kill();
    signalRunning('SIGKILL');
    process.exit(130);
  }
}

function stopping() {
  return firstSignalAt !== 0;
}

// Paths inside the demo directory as $DEMO/…, paths in the repository relative to it, tokens hidden.
function displayer(dir, tokens) {
  return (arg) => {
    if (tokens.some((token) => (typeof token === 'string' ? token : token.value) === arg)) return 'lcn_…';
    if (arg.includes(`${dir}/`)) return arg.replaceAll(`${dir}/`, '$DEMO/');
    if (arg.startsWith(`${ROOT}/`)) return relative(ROOT, arg);
    return arg;
  };
}

function parseFlags() {
  try {
    const { values } = parseArgs({
      options: {
        'no-wait': { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out(USAGE);
      process.exit(0);
    }
    const port = values.port ?? (process.env.LUCENT_DEMO_PORT || undefined);
    if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) {
      throw new Error(`not a port: ${port}`);
    }
    const exit = process.env.LUCENT_DEMO_EXIT;
    return { noWait: values['no-wait'] === true || (exit !== undefined && exit !== '' && exit !== '0'), port };
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(1);
  }
}
