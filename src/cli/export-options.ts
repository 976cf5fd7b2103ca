/** `--export` and its flags, shared by `analyze` and `scan`: where to send the results (src/server/client). */
import type { Command } from 'commander';
import { LucentError } from '../core/errors.ts';
import type { ExportSummary, ExportTarget } from '../server/client/export.ts';

/** Adds the export flags. */
export function addExportOptions(command: Command): Command {
  return command
    .option('--export', 'send the results to a Lucent server (CI export)')
    .option('--server <url>', 'Lucent server URL (default $LUCENT_SERVER)')
    .option('--token <token>', 'API token with the writer role (default $LUCENT_TOKEN; prefer the variable in CI logs)')
    .option('--application <name>', 'application to export to, by name')
    .option('--application-id <id>', 'application to export to, by id')
    .option('--create-application', 'create the --application when it does not exist');
}

/** The export target, or undefined without `--export`; incomplete flags are a usage error before any work starts. */
export function exportTargetFrom(flags: Record<string, unknown>, env: NodeJS.ProcessEnv): ExportTarget | undefined {
  const related = ['server', 'token', 'application', 'applicationId', 'createApplication'];
  if (flags.export !== true) {
    const stray = related.filter((name) => flags[name] !== undefined);
    if (stray.length > 0) {
      throw new LucentError('E_USAGE', `--${kebab(stray[0] ?? '')} needs --export`, { hint: 'add --export' });
    }
    return undefined;
  }
  const server = stringFlag(flags.server) ?? env.LUCENT_SERVER;
  const token = stringFlag(flags.token) ?? env.LUCENT_TOKEN;
  if (!server) throw new LucentError('E_USAGE', '--export needs --server URL (or LUCENT_SERVER)');
  if (!token) throw new LucentError('E_USAGE', '--export needs --token TOKEN (or LUCENT_TOKEN)');
  const name = stringFlag(flags.application);
  const id = stringFlag(flags.applicationId);
  if ((name === undefined) === (id === undefined)) {
    throw new LucentError('E_USAGE', '--export needs exactly one of --application NAME and --application-id ID');
  }
  if (flags.createApplication === true && name === undefined) {
    throw new LucentError('E_USAGE', '--create-application needs --application NAME');
  }
  return {
    server,
    token,
    application: name !== undefined ? { name } : { id: id ?? '' },
    createApplication: flags.createApplication === true,
  };
}

function stringFlag(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The line printed after a successful export (on standard error, so reports on standard output stay clean). */
export function exportSummaryLine(target: ExportTarget, summary: ExportSummary): string {
  const findings = summary.findings === undefined ? '' : `, ${summary.findings} finding(s)`;
  const kept = summary.analysisSent ? '' : ' (the content analysis already stored for it was kept)';
  return (
    `exported to ${target.server}: application ${summary.applicationId}, resource ${summary.resource.name} ` +
    `(${summary.resource.hash}), ${summary.packages} package(s)${findings}${kept}`
  );
}
