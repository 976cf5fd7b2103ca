/**
 * `lucent worker`: runs queued jobs (re-matching; runtime image scans) against the server's database, beside `lucent
 * server` or many at once (a Kubernetes Deployment). On PostgreSQL the workers share pg-boss's queue; on SQLite they
 * share the database file on one host. SIGTERM/SIGINT stop taking jobs, let running ones finish for a grace time,
 * then hand them back to the queue; a second signal exits at once.
 */
import { Command, Option } from 'commander';
import { defaultDbPath } from '../../advisories/db/default-path.ts';
import { checkDatabaseUrl, defaultServerConfig } from '../../server/config.ts';
import { parseCount, parseDuration } from '../../server/queue/options.ts';
import type { WorkerConfig } from '../../server/queue/run-worker.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Builds the `worker` command. */
export function workerCommand(): Command {
  return new Command('worker')
    .description('run queued background jobs (re-matching stored SBOMs, runtime image scans) for a Lucent server')
    .option(
      '--database-url <url>',
      "the server's database: sqlite:PATH or postgres://USER@HOST:PORT/DB[?schema=NAME] (default $LUCENT_DATABASE_URL, else the server's default)",
    )
    .option('--concurrency <n>', 'jobs run at once', '1')
    .option('--advisory-db <file>', 'advisory database to match against (default $LUCENT_DB or the CLI default)')
    .option('--job-timeout <duration>', "longest a job may run, e.g. 10m (default: each kind's own)")
    .option('--grace <duration>', 'on SIGTERM, time running jobs get to finish before they are handed back', '30s')
    .addOption(new Option('--log-level <level>', 'log level').choices([...LOG_LEVELS]).default('info'))
    .addHelpText(
      'after',
      `
Every process that runs jobs (servers with --workers > 0, and workers) must read the same advisory database file.
Runtime image scans read the cluster (pull secrets) from KUBECONFIG, ~/.kube/config or the pod's service account
(LUCENT_KUBE_CONTEXT picks a context), and keep layers in LUCENT_CACHE_DIR.
Logs are JSON lines on standard error when it is not a terminal.`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const config = workerConfigFrom(flags, process.env);
      const { runWorker } = await import('../../server/queue/run-worker.ts');
      await runWorker(config, { out: (line) => process.stdout.write(`${line}\n`) });
    });
}

/** The worker configuration from the command's flags and the environment. */
export function workerConfigFrom(flags: Record<string, unknown>, env: NodeJS.ProcessEnv): WorkerConfig {
  const defaults = defaultServerConfig(env);
  const timeout = typeof flags.jobTimeout === 'string' ? parseDuration(flags.jobTimeout, '--job-timeout') : 0;
  return {
    databaseUrl: checkDatabaseUrl(typeof flags.databaseUrl === 'string' ? flags.databaseUrl : defaults.databaseUrl),
    advisoryDb: typeof flags.advisoryDb === 'string' ? flags.advisoryDb : defaultDbPath(env),
    concurrency: parseCount(String(flags.concurrency ?? '1'), '--concurrency', 1, 64),
    jobTimeoutSeconds: timeout > 0 ? Math.max(1, Math.round(timeout / 1000)) : undefined,
    graceMs: parseDuration(String(flags.grace ?? '30s'), '--grace'),
    logLevel: (flags.logLevel as WorkerConfig['logLevel'] | undefined) ?? 'info',
  };
}
