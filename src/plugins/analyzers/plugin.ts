/**
 * External analyzer plug-ins (DESIGN §4): tools that turn a whole image into an SBOM. They run beside the built-in
 * analyzers, and their components merge in by purl with `foundBy` unioned.
 */
import type { SourceKind } from '../../image/image.ts';

/** What the plug-in is asked to analyze: the source as the user gave it, resolved to a kind and a target. */
export interface PluginSource {
  kind: SourceKind;
  /** A path for local kinds, an image reference for `registry`. */
  target: string;
}

/** How a plug-in is run. */
export interface PluginContext {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** A directory the tool may use for its own cache. */
  cacheDir: string;
}

/** An external analyzer: finds its binary and produces an SBOM document (text) for a source. */
export interface AnalyzerPlugin {
  readonly name: string;
  /** The binary to run, or undefined when the tool is not installed. */
  locate(context: PluginContext): Promise<string | undefined>;
  /** The arguments that make the tool print a CycloneDX JSON SBOM of the source on stdout. */
  args(source: PluginSource, context: PluginContext): string[];
}
