/** `lucent runtime scan`: what runs in a Kubernetes cluster, scanned once per image digest. */
import { Command, Option } from 'commander';
import { defaultDbPath } from '../../advisories/db/default-path.ts';
import { LucentError } from '../../core/errors.ts';
import { type CommandContext, contextOf } from '../context.ts';
import { addRegistryOptions, registryOptionsFrom } from '../registry-options.ts';

/** Builds the `runtime` command and its `scan` subcommand. */
export function runtimeCommand(): Command {
  const scan = new Command('scan')
    .description('scan the images that run in a Kubernetes cluster: each unique digest once, stored SBOMs re-matched')
    .option('-n, --namespace <ns>', 'namespace to scan; repeatable (default: all namespaces)', collect)
    .option('-A, --all-namespaces', 'scan every namespace (the default)')
    .option('--exclude-namespace <ns>', 'namespace to leave out; repeatable', collect)
    .option('--kubeconfig <file>', 'kubeconfig file (default $KUBECONFIG, ~/.kube/config, or the in-cluster account)')
    .option('--context <name>', 'kubeconfig context to use')
    .option('--pull-secret <namespace/name>', 'a pull secret tried for every image after the pod’s own')
    .option('--parallelism <n>', 'images scanned at once', '10')
    .option('--timeout <duration>', 'time limit per image (e.g. 90s, 10m, 1h)', '10m')
    .option('--cis', 'run the CIS Docker Benchmark image checks too')
    .option('--db <file>', 'advisory database (default $LUCENT_DB or $XDG_DATA_HOME/lucent/advisories.db)')
    .option(
      '--store <url>',
      'where results go: sqlite:PATH, postgres://…, or memory (default $LUCENT_DATABASE_URL or the server’s SQLite file)',
    )
    .option('--server <url>', 'run the scan in a Lucent server instead (default $LUCENT_SERVER when --token is set)')
    .option('--token <token>', 'API token for --server (default $LUCENT_TOKEN)')
    .addOption(new Option('-f, --format <format>', 'summary format').choices(['table', 'json']).default('table'));
  addRegistryOptions(scan);
  scan.action(async (flags: Record<string, unknown>, self: Command) => {
    const context = contextOf(self);
    const namespaces = (flags.namespace as string[] | undefined) ?? [];
    if (namespaces.length > 0 && flags.allNamespaces) {
      throw new LucentError('E_USAGE', '--namespace and --all-namespaces exclude each other', {
        hint: 'give one or more --namespace, or --all-namespaces',
      });
    }
    const exclude = (flags.excludeNamespace as string[] | undefined) ?? [];
    const { formatRunSummary } = await import('../../runtime/summary-text.ts');
    const outcome =
      typeof flags.server === 'string'
        ? await remote(flags, namespaces, exclude)
        : await local(flags, namespaces, exclude, context);
    context.out(
      flags.format === 'json' ? JSON.stringify(outcome, null, 2) : formatRunSummary(outcome.run, outcome.images),
    );
  });
  scan.exitOverride().showHelpAfterError('(run with --help for usage)');
  return new Command('runtime').description('scan what runs in Kubernetes clusters').addCommand(scan);
}

async function local(flags: Record<string, unknown>, namespaces: string[], exclude: string[], context: CommandContext) {
  const { connectCluster } = await import('../../runtime/inventory/index.ts');
  const { createScanDeps, openRuntimeStore } = await import('../../runtime/scan-deps.ts');
  const { runRuntimeScan } = await import('../../runtime/runtime-scan.ts');
  const { defaultServerDbPath } = await import('../../server/config.ts');
  const { reader } = connectCluster({
    kubeconfig: typeof flags.kubeconfig === 'string' ? flags.kubeconfig : undefined,
    context: typeof flags.context === 'string' ? flags.context : undefined,
  });
  const storeUrl =
    typeof flags.store === 'string'
      ? flags.store
      : process.env.LUCENT_DATABASE_URL || `sqlite:${defaultServerDbPath()}`;
  const { store, close: closeStore } = await openRuntimeStore(storeUrl);
  try {
    const { deps, close } = await createScanDeps({
      reader,
      store,
      cache: context.cache,
      advisoryDb: typeof flags.db === 'string' ? flags.db : defaultDbPath(),
      registry: registryOptionsFrom(flags),
    });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    try {
      const outcome = await runRuntimeScan(deps, {
        namespaces,
        excludeNamespaces: exclude,
        ...(typeof flags.pullSecret === 'string' ? { globalPullSecret: flags.pullSecret } : {}),
        parallelism: positiveInteger(String(flags.parallelism), '--parallelism'),
        timeoutMs: parseDuration(String(flags.timeout)),
        cis: flags.cis === true,
        actor: 'cli',
        signal: stop.signal,
        onProgress: (_run, images) => {
          const finished = images.filter((image) => image.state === 'done' || image.state === 'failed').length;
          context.progress.status(`scanning images: ${finished}/${images.length}`);
        },
      });
      context.progress.stop();
      for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`);
      return { run: outcome.run, images: outcome.images, applications: outcome.applications };
    } finally {
      process.off('SIGINT', onSignal);
      close();
    }
  } finally {
    context.progress.stop();
    await closeStore();
  }
}

async function remote(flags: Record<string, unknown>, namespaces: string[], exclude: string[]) {
  const token = typeof flags.token === 'string' ? flags.token : process.env.LUCENT_TOKEN;
  if (!token) throw new LucentError('E_USAGE', '--server needs --token TOKEN (or LUCENT_TOKEN)');
  const { runRemoteScan } = await import('../../runtime/remote-scan.ts');
  return runRemoteScan(
    { server: String(flags.server), token },
    { namespaces, ...(exclude.length > 0 ? { excludeNamespaces: exclude } : {}) },
  );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  ];
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new LucentError('E_USAGE', `invalid ${flag} "${text}"`, { hint: 'give a whole number of at least 1' });
  }
  return value;
}

/** `90s`, `10m`, `1h`, `1h30m`, `500ms`, or a number of seconds. */
export function parseDuration(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const total = parts.reduce((sum, [, value, unit]) => sum + Number(value) * (units[unit ?? 's'] ?? 0), 0);
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text || !(total > 0)) {
    throw new LucentError('E_USAGE', `invalid duration "${text}"`, { hint: 'e.g. 90s, 10m, 1h30m' });
  }
  return total;
}
