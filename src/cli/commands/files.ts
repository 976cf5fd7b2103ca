/** `lucent files SOURCE`: the squashed filesystem, to see what the analyzers will see. */
import { Command, Option } from 'commander';
import { type FilesReport, listFiles } from '../../pipeline/list-files.ts';
import { contextOf } from '../context.ts';
import { addSourceOptions, withSource } from '../source-options.ts';
import { renderTable } from '../table.ts';

/** Builds the `files` command. */
export function filesCommand(): Command {
  const command = new Command('files')
    .description('list the squashed filesystem of an image: path, size, mode, link target and the layer it came from')
    .argument('<source>', 'image reference, archive, OCI layout or directory (see `lucent --help`)')
    .option('-g, --glob <pattern...>', 'only paths matching these globs (e.g. "usr/lib/**" "**/*.jar")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'));
  addSourceOptions(command);
  return command.action(async (source: string, flags: Record<string, unknown>, self: Command) => {
    const context = contextOf(self);
    const report = await withSource(source, flags, context, (image) =>
      listFiles(image, {
        cache: context.cache,
        globs: (flags.glob as string[] | undefined) ?? [],
        onProgress: (event) => context.progress.onLayer(event),
      }),
    );
    context.out(flags.format === 'json' ? JSON.stringify(report, null, 2) : renderFiles(report));
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
  });
}

function renderFiles(report: FilesReport): string {
  return renderTable(
    ['MODE', 'UID:GID', 'SIZE', 'LAYER', 'PATH'],
    report.files.map((file) => [
      file.mode,
      `${file.uid}:${file.gid}`,
      String(file.size),
      String(file.layer),
      file.linkTarget === null
        ? file.path
        : `${file.path} ${file.type === 'hardlink' ? '=>' : '->'} ${file.linkTarget}`,
    ]),
  );
}
