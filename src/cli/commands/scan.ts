/** `lucent scan SOURCE`: analysis (or an SBOM from any tool), then matching against the advisory DB, policy and report. */
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultDbPath } from '../../advisories/db/default-path.ts';
import { openAdvisoryDb } from '../../advisories/db/queries.ts';
import { analyzersByName } from '../../analyzers/registry.ts';
import { EXIT_POLICY_FAILED } from '../../core/errors.ts';
import { SEVERITY_LEVELS } from '../../matcher/match.ts';
import { type AnalysisResult, analyzeImage } from '../../pipeline/analyze.ts';
import { analysisFromSbom } from '../../pipeline/sbom-input.ts';
import { scanWithScanners } from '../../pipeline/scan.ts';
import { loadPolicyFiles } from '../../policy/load.ts';
import { applyPolicy, failureMessages, parseEpssThreshold, parseSeverity } from '../../policy/policy.ts';
import { subjectIdentifiers } from '../../policy/subject.ts';
import { colorWanted } from '../../report/formats/table/color.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../report/report-formats.ts';
import type { CisResult } from '../../runtime/cis/check.ts';
import { type CommandContext, contextOf } from '../context.ts';
import { addExportOptions, exportSummaryLine, exportTargetFrom } from '../export-options.ts';
import { addScannerOptions, chooseScanners, scannerContext } from '../scanner-options.ts';
import { addSourceOptions, withSource } from '../source-options.ts';
import { version } from '../version.ts';

/** Builds the `scan` command. */
export function scanCommand(): Command {
  const command = new Command('scan')
    .description('find the known vulnerabilities in an image, archive, directory or SBOM (sbom:FILE)')
    .argument('<source>', 'image reference, archive, OCI layout, directory, or sbom:FILE from any tool')
    .addOption(new Option('-f, --format <format>', 'report format').choices([...REPORT_FORMATS]).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--db <file>', 'advisory database (default $LUCENT_DB or $XDG_DATA_HOME/lucent/advisories.db)')
    .addOption(
      new Option('--fail-on <severity>', 'exit with code 2 when a finding is at or above this severity').choices(
        SEVERITY_LEVELS.map((level) => level.toLowerCase()),
      ),
    )
    .option('--only-fixed', 'report only vulnerabilities that have a fix')
    .option('--fail-on-kev', 'exit with code 2 when a finding is in CISA KEV')
    .option(
      '--fail-on-epss <probability>',
      'exit with code 2 when a finding has an EPSS score at or above this (0..1)',
      epss,
    )
    .option('--ignore-file <file>', 'ignore rules (default: .lucent.yaml in the current directory, if there is one)')
    .option('--config <file>', 'same as --ignore-file')
    .option(
      '--vex <file>',
      'OpenVEX or CycloneDX VEX document; not_affected and fixed statements suppress (repeatable)',
      collect,
    )
    .option('--show-suppressed', 'list suppressed findings in the report, with why')
    .option('--cis', 'run the CIS Docker Benchmark image checks too (images only; JSON and table reports)');
  addSourceOptions(command);
  addScannerOptions(command);
  addExportOptions(command);
  return command.action(async (source: string, flags: Record<string, unknown>, self: Command) => {
    const context = contextOf(self);
    const started = performance.now();
    const exportTarget = exportTargetFrom(flags, process.env);
    const failOn = typeof flags.failOn === 'string' ? parseSeverity(flags.failOn) : undefined;
    const ignoreFile = [flags.ignoreFile, flags.config].find((value): value is string => typeof value === 'string');
    const files = await loadPolicyFiles({
      vexFiles: (flags.vex as string[] | undefined) ?? [],
      cwd: process.cwd(),
      ...(ignoreFile ? { ignoreFile } : {}),
    });
    const scanners = chooseScanners(String(flags.scanners));
    // The advisory DB is the built-in matcher's: `--scanners grype` alone runs without one.
    const db = scanners.builtin
      ? await openAdvisoryDb(typeof flags.db === 'string' ? flags.db : defaultDbPath())
      : undefined;
    try {
      const { analysis, cis } = await analyze(source, flags, context);
      const scan = await scanWithScanners(analysis, {
        ...(db ? { db } : {}),
        scanners: scanners.external,
        context: scannerContext(flags, process.env),
        tool: { name: 'lucent', version: version() },
      });
      const findings = scan.findings;
      const policy = {
        ...files,
        onlyFixed: flags.onlyFixed === true,
        failOnKev: flags.failOnKev === true,
        ...(failOn ? { failOn } : {}),
        ...(typeof flags.failOnEpss === 'number' ? { failOnEpss: flags.failOnEpss } : {}),
      };
      const outcome = applyPolicy(findings, policy, { now: new Date(), subjects: subjectIdentifiers(analysis.image) });
      const { encodeReport } = await import('../../report/encode.ts');
      const text = await encodeReport(
        flags.format as ReportFormat,
        {
          analysis,
          findings: outcome.reported,
          suppressed: flags.showSuppressed === true ? outcome.suppressed : [],
          suppressedCount: outcome.suppressed.length,
          tool: { name: 'lucent', version: version() },
          ...(cis ? { cis } : {}),
        },
        { color: typeof flags.output !== 'string' && colorWanted(process.stdout, process.env) },
      );
      if (typeof flags.output === 'string') await writeFile(flags.output, text.endsWith('\n') ? text : `${text}\n`);
      else context.out(text);
      const warnings = [...analysis.warnings, ...scan.warnings, ...files.warnings, ...outcome.warnings];
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      if (exportTarget) {
        const { exportScan } = await import('../../server/client/export.ts');
        const summary = await exportScan(exportTarget, analysis, outcome, {
          tool: { name: 'lucent', version: version() },
          durationMs: performance.now() - started,
          scanners: [...(scanners.builtin ? ['lucent'] : []), ...scanners.external.map((scanner) => scanner.name)],
          ...(cis ? { cis } : {}),
        });
        process.stderr.write(`${exportSummaryLine(exportTarget, summary)}\n`);
      }
      if (outcome.failed) {
        for (const message of failureMessages(outcome)) process.stderr.write(`${message}\n`);
        process.exitCode = EXIT_POLICY_FAILED;
      }
    } finally {
      db?.close();
    }
  });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function epss(value: string): number {
  const threshold = parseEpssThreshold(value);
  if (threshold === undefined) throw new InvalidArgumentError('expected a probability from 0 to 1, such as 0.5');
  return threshold;
}

/**
 * The analysis phase: an SBOM read as it is, or the image analyzed with the built-in analyzers; with `--cis`, the
 * CIS checks on the image while it is open (its file list from the layer cache the analysis just filled).
 */
async function analyze(
  source: string,
  flags: Record<string, unknown>,
  context: CommandContext,
): Promise<{ analysis: AnalysisResult; cis?: CisResult[] }> {
  const sbom = source.startsWith('sbom:') ? source.slice('sbom:'.length) : flags.inputType === 'sbom' ? source : '';
  if (sbom) {
    if (flags.cis === true) process.stderr.write('warning: --cis needs an image; an SBOM has no config to check\n');
    return { analysis: await analysisFromSbom(sbom) };
  }
  return withSource(source, flags, context, async (image) => {
    const analysis = await analyzeImage(image, {
      cache: context.cache,
      analyzers: analyzersByName(),
      onProgress: (event) => context.progress.onLayer(event),
      onFileMatched: (path) => context.progress.onFileMatched(path),
    });
    if (flags.cis !== true) return { analysis };
    const { checkScannedImage } = await import('../../runtime/cis/run-checks.ts');
    const cis = await checkScannedImage(image, context.cache);
    if (!cis) process.stderr.write(`warning: --cis needs an image; ${source} is not one, so no CIS checks ran\n`);
    return { analysis, ...(cis ? { cis } : {}) };
  });
}
