/** `lucent analyze SOURCE`: content analysis, the first phase of a scan: an SBOM of what the source contains. */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { analyzersByName } from '../../analyzers/registry.ts';
import { LucentError } from '../../core/errors.ts';
import type { Package } from '../../core/package.ts';
import { type AnalysisResult, analyzeSource } from '../../pipeline/analyze.ts';
import type { AnalyzerPlugin } from '../../plugins/analyzers/plugin.ts';
import { ANALYZER_PLUGINS } from '../../plugins/analyzers/registry.ts';
import { SBOM_FORMATS, type SbomFormat } from '../../sbom/sbom-formats.ts';
import { contextOf } from '../context.ts';
import { addExportOptions, exportSummaryLine, exportTargetFrom } from '../export-options.ts';
import { addSourceOptions, withSource } from '../source-options.ts';
import { renderTable } from '../table.ts';
import { version } from '../version.ts';

const OUTPUT_FORMATS = [...SBOM_FORMATS, 'table', 'json'] as const;

/** Builds the `analyze` command. */
export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .description('find the packages in an image, archive or directory and write an SBOM (CycloneDX 1.6 by default)')
    .argument('<source>', 'image reference, archive, OCI layout or directory (see `lucent --help`)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('cyclonedx-json'),
    )
    .option('-o, --output <file>', 'write the result to a file instead of standard output')
    .option(
      '--analyzers <list>',
      `comma-separated: builtin and/or plug-ins (${ANALYZER_PLUGINS.map((plugin) => plugin.name).join(', ')})`,
      'builtin',
    )
    .option(
      '--merge-sbom <file>',
      'merge an SBOM from an earlier stage (CycloneDX or SPDX, any tool); repeatable',
      collect,
      [],
    )
    .option('--plugin-timeout <seconds>', 'how long a plug-in may run', '600');
  addSourceOptions(command);
  addExportOptions(command);
  return command.action(async (source: string, flags: Record<string, unknown>, self: Command) => {
    const context = contextOf(self);
    const started = performance.now();
    // Flags are checked before the source is opened, so a typo fails fast.
    const selection = selectAnalyzers(String(flags.analyzers));
    const exportTarget = exportTargetFrom(flags, process.env);
    const mergeWith = await readSboms(flags.mergeSbom as string[]);
    const result = await withSource(source, flags, context, (image) =>
      analyzeSource(image, {
        cache: context.cache,
        analyzers: analyzersByName(),
        builtin: selection.builtin,
        plugins: selection.plugins,
        pluginContext: { env: process.env, timeoutMs: Number(flags.pluginTimeout) * 1000, cacheDir: context.cacheDir },
        mergeWith,
        onProgress: (event) => context.progress.onLayer(event),
        onFileMatched: (path) => context.progress.onFileMatched(path),
      }),
    );
    const text = await render(result, flags.format as (typeof OUTPUT_FORMATS)[number]);
    if (typeof flags.output === 'string') await writeFile(flags.output, text.endsWith('\n') ? text : `${text}\n`);
    else context.out(text);
    for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (exportTarget) {
      const { exportContentAnalysis } = await import('../../server/client/export.ts');
      const tool = { name: 'lucent', version: version() };
      const summary = await exportContentAnalysis(exportTarget, result, {
        tool,
        durationMs: performance.now() - started,
      });
      process.stderr.write(`${exportSummaryLine(exportTarget, summary)}\n`);
    }
  });
}

async function render(result: AnalysisResult, format: (typeof OUTPUT_FORMATS)[number]): Promise<string> {
  if (format === 'json') return JSON.stringify(analysisJson(result), null, 2);
  if (format === 'table') return renderPackages(result);
  // Loaded on demand: the SBOM libraries are most of the CLI's start-up time.
  const { encodeSbom } = await import('../../sbom/encode.ts');
  return encodeSbom(format as SbomFormat, { result, tool: { name: 'lucent', version: version() } });
}

/** The `--format json` document: Lucent's own inventory, documented in docs/cli.md. */
function analysisJson(result: AnalysisResult) {
  const { image, inventory } = result;
  return {
    source: {
      ...image.source,
      name: image.name,
      manifestDigest: image.manifest?.digest ?? null,
      repoTags: image.repoTags,
    },
    os: inventory.os ?? null,
    packages: inventory.packages,
    unknowns: inventory.unknowns,
    layers: inventory.layers.map(({ index, digest, diffId, size, mediaType }) => ({
      index,
      digest,
      diffId,
      size,
      mediaType,
    })),
    warnings: result.warnings,
  };
}

function renderPackages(result: AnalysisResult): string {
  const { inventory } = result;
  const sorted = [...inventory.packages].sort(
    (a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
  const rows = sorted.map((pkg) => [
    pkg.namespace && !['deb', 'apk', 'rpm'].includes(pkg.type) ? `${pkg.namespace}/${pkg.name}` : pkg.name,
    pkg.version,
    pkg.type,
    clip((pkg.licenses ?? []).join(', '), 48),
    pkg.foundBy.join(', '),
  ]);
  const head = inventory.os
    ? `OS: ${inventory.os.prettyName ?? `${inventory.os.id} ${inventory.os.versionId ?? ''}`}\n`
    : '';
  const tail =
    inventory.unknowns.length > 0
      ? `\n${inventory.unknowns.length} file(s) could not be analyzed (see --format json)`
      : '';
  return `${head}${renderTable(['NAME', 'VERSION', 'TYPE', 'LICENSES', 'FOUND BY'], rows)}${tail}`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses `--analyzers builtin,trivy,syft`. */
function selectAnalyzers(list: string): { builtin: boolean; plugins: AnalyzerPlugin[] } {
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const known = new Set(['builtin', ...ANALYZER_PLUGINS.map((plugin) => plugin.name)]);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new LucentError('E_USAGE', `unknown analyzer "${unknown.join(', ') || list}"`, {
      hint: `choose from ${[...known].join(', ')}`,
    });
  }
  return {
    builtin: names.includes('builtin'),
    plugins: ANALYZER_PLUGINS.filter((plugin) => names.includes(plugin.name)),
  };
}

/** Reads the SBOMs given with --merge-sbom. */
async function readSboms(paths: string[]): Promise<Package[][]> {
  if (paths.length === 0) return [];
  const { decodeSbom } = await import('../../sbom/decode.ts');
  return Promise.all(
    paths.map(async (path) => {
      const text = await readFile(path, 'utf8').catch(() => {
        throw new LucentError('E_SOURCE_NOT_FOUND', `no such file or directory: ${path}`, {
          hint: 'check the --merge-sbom path',
        });
      });
      return decodeSbom(text).packages;
    }),
  );
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
