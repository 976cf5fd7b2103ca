/** `lucent server`: the REST API and dashboard over embedded SQLite (default) or PostgreSQL. */
import { Command, Option } from 'commander';
import {
  checkDatabaseUrl,
  defaultServerConfig,
  parseByteSize,
  parseListen,
  type ServerConfig,
} from '../../server/config.ts';
import { parseCount, parseDuration } from '../../server/queue/options.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Builds the `server` command. */
export function serverCommand(): Command {
  return new Command('server')
    .description('run the API server and dashboard (embedded SQLite by default, or PostgreSQL)')
    .option('--listen <host:port>', 'address to listen on (port 0 picks a free one)', '127.0.0.1:8080')
    .option(
      '--database-url <url>',
      'sqlite:PATH or postgres://USER@HOST:PORT/DB[?schema=NAME] (default $LUCENT_DATABASE_URL, else sqlite:$XDG_DATA_HOME/lucent/server.db)',
    )
    .option('--allow-anonymous-read', 'allow reads without a token (writes always need one)')
    .option('--advisory-db <file>', 'advisory database for re-matching (default $LUCENT_DB or the CLI default)')
    .option('--body-limit <size>', 'largest accepted request body, e.g. 64mb', '64mb')
    .option('--web-dir <dir>', 'built dashboard to serve (default: web/dist of this installation)')
    .option(
      '--trust-proxy <list>',
      'reverse proxies whose X-Forwarded-For names the client: addresses, CIDRs, loopback, uniquelocal (comma-separated)',
    )
    .option('--db-update-interval <duration>', 'update the advisory database every 6h, 1d, … (off: never)', '24h')
    .option('--workers <n>', 'queued jobs run at once in the server (0: leave them to `lucent worker`)', '1')
    .addOption(new Option('--log-level <level>', 'log level').choices([...LOG_LEVELS]).default('info'))
    .addHelpText(
      'after',
      `
Environment:
  LUCENT_DATABASE_URL  database URL (as --database-url)
  LUCENT_ADMIN_TOKEN   admin token to register (else one is generated on first start and printed once)

Logs are JSON lines on standard error when it is not a terminal, short lines otherwise.`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const config = serverConfigFrom(flags, process.env);
      const { startServer } = await import('../../server/listen.ts');
      const server = await startServer(config, {
        out: (line) => process.stdout.write(`${line}\n`),
        env: process.env,
        handleSignals: true,
      });
      await server.closed;
    });
}

/** The server configuration from the command's flags and the environment. */
export function serverConfigFrom(flags: Record<string, unknown>, env: NodeJS.ProcessEnv): ServerConfig {
  const defaults = defaultServerConfig(env);
  return {
    ...defaults,
    listen: parseListen(String(flags.listen ?? '127.0.0.1:8080')),
    databaseUrl: checkDatabaseUrl(typeof flags.databaseUrl === 'string' ? flags.databaseUrl : defaults.databaseUrl),
    allowAnonymousRead: flags.allowAnonymousRead === true,
    advisoryDb: typeof flags.advisoryDb === 'string' ? flags.advisoryDb : undefined,
    bodyLimit: parseByteSize(String(flags.bodyLimit ?? '64mb')),
    webDir: typeof flags.webDir === 'string' ? flags.webDir : undefined,
    trustProxy: typeof flags.trustProxy === 'string' ? flags.trustProxy : undefined,
    logLevel: (flags.logLevel as ServerConfig['logLevel'] | undefined) ?? defaults.logLevel,
    dbUpdateIntervalMs: parseDuration(String(flags.dbUpdateInterval ?? '24h'), '--db-update-interval'),
    workers: parseCount(String(flags.workers ?? '1'), '--workers', 0, 64),
  };
}
