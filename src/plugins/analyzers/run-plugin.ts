/**
 * Runs an analyzer plug-in on a source and decodes its SBOM. A plug-in that is missing, fails, times out or prints
 * something that is no SBOM gives a failure with the reason; the caller turns it into a warning.
 */
import type { Package } from '../../core/package.ts';
import { decodeSbom } from '../../sbom/decode.ts';
import { runTool } from '../run-tool.ts';
import type { AnalyzerPlugin, PluginContext, PluginSource } from './plugin.ts';

/** The outcome of one plug-in run. */
export type PluginOutcome = { plugin: string; packages: Package[] } | { plugin: string; failure: string };

/** Runs a plug-in and decodes what it printed, labelling every package with the plug-in's name. */
export async function runAnalyzerPlugin(
  plugin: AnalyzerPlugin,
  source: PluginSource,
  context: PluginContext,
): Promise<PluginOutcome> {
  const binary = await plugin.locate(context);
  if (!binary) {
    const variable = `LUCENT_${plugin.name.toUpperCase()}_PATH`;
    return { plugin: plugin.name, failure: `${plugin.name} is not installed (set ${variable} or put it on PATH)` };
  }
  let run: Awaited<ReturnType<typeof runTool>>;
  try {
    run = await runTool(binary, plugin.args(source, context), { timeoutMs: context.timeoutMs, env: context.env });
  } catch (error) {
    return { plugin: plugin.name, failure: `${binary} could not be run: ${(error as Error).message}` };
  }
  if (run.timedOut)
    return { plugin: plugin.name, failure: `${plugin.name} did not finish in ${context.timeoutMs / 1000} s` };
  if (run.code !== 0) {
    const reason = run.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500) || `exit code ${run.code}`;
    return { plugin: plugin.name, failure: `${plugin.name} failed: ${reason}` };
  }
  try {
    return { plugin: plugin.name, packages: decodeSbom(run.stdout, { label: plugin.name }).packages };
  } catch (error) {
    return { plugin: plugin.name, failure: `${plugin.name} printed no readable SBOM: ${(error as Error).message}` };
  }
}
