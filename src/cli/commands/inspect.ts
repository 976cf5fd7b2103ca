/** `lucent inspect SOURCE`: manifest, platform, config, history and layers of an image. */
import { Command, Option } from 'commander';
import { type InspectReport, inspectImage } from '../../pipeline/inspect-image.ts';
import { contextOf } from '../context.ts';
import { addSourceOptions, withSource } from '../source-options.ts';
import { formatBytes, renderTable, shortDigest } from '../table.ts';

/** Builds the `inspect` command. */
export function inspectCommand(): Command {
  const command = new Command('inspect')
    .description('show an image: manifest digest and media type, platform, config, history and layers')
    .argument('<source>', 'image reference, archive, OCI layout or directory (see `lucent --help`)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'));
  addSourceOptions(command);
  return command.action(async (source: string, flags: Record<string, unknown>, self: Command) => {
    const context = contextOf(self);
    const report = await withSource(source, flags, context, async (image) => inspectImage(image));
    context.out(flags.format === 'json' ? JSON.stringify(report, null, 2) : renderInspect(report));
  });
}

function renderInspect(report: InspectReport): string {
  const fields: [string, string][] = [
    ['Name', report.name],
    ['Source', `${report.source.kind}: ${report.source.reference}`],
    ['Tags', report.repoTags.join(', ')],
    ['Manifest', report.manifest ? `${report.manifest.digest} (${report.manifest.mediaType})` : ''],
    ['Index', report.index ? `${report.index.digest} (${report.index.mediaType})` : ''],
    ['Config', report.configDigest ?? ''],
    ['Platform', report.platform ?? ''],
    ['Created', report.created ?? ''],
    ['User', report.config.user ?? ''],
    ['Entrypoint', JSON.stringify(report.config.entrypoint)],
    ['Cmd', JSON.stringify(report.config.cmd)],
    ['WorkingDir', report.config.workingDir ?? ''],
    ['ExposedPorts', report.config.exposedPorts.join(', ')],
  ];
  const lines = fields
    .filter(([, value]) => value !== '' && value !== '[]')
    .map(([key, value]) => `${`${key}:`.padEnd(14)}${value}`);
  if (report.config.env.length > 0) lines.push('Env:', ...report.config.env.map((entry) => `  ${entry}`));
  const labels = Object.entries(report.config.labels);
  if (labels.length > 0) lines.push('Labels:', ...labels.map(([key, value]) => `  ${key}=${value}`));
  lines.push(
    '',
    'LAYERS',
    renderTable(
      ['#', 'DIGEST', 'DIFF ID', 'SIZE', 'MEDIA TYPE', 'CREATED BY'],
      report.layers.map((layer) => [
        String(layer.index),
        shortDigest(layer.digest),
        shortDigest(layer.diffId),
        formatBytes(layer.size),
        layer.mediaType,
        oneLine(layer.createdBy ?? ''),
      ]),
    ),
  );
  if (report.history.length > 0) {
    lines.push(
      '',
      'HISTORY',
      renderTable(
        ['CREATED', 'LAYER', 'CREATED BY'],
        report.history.map((entry) => [
          entry.created ?? '',
          entry.layer === null ? (entry.emptyLayer ? '(empty)' : '-') : String(entry.layer),
          oneLine(entry.createdBy ?? ''),
        ]),
      ),
    );
  }
  if (report.warnings.length > 0) lines.push('', ...report.warnings.map((warning) => `warning: ${warning}`));
  return lines.join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}
