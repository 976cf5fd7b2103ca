/** Syft as an analyzer plug-in: `syft SCHEME:TARGET -o cyclonedx-json`, found through `$LUCENT_SYFT_PATH` or `PATH`. */
import { findExecutable } from '../run-tool.ts';
import type { AnalyzerPlugin } from './plugin.ts';

const SCHEMES: Record<string, string> = {
  registry: 'registry',
  'docker-archive': 'docker-archive',
  'oci-archive': 'oci-archive',
  'oci-dir': 'oci-dir',
  dir: 'dir',
  file: 'file',
};

/** The Syft plug-in. */
export const syftPlugin: AnalyzerPlugin = {
  name: 'syft',
  locate: (context) => findExecutable(['syft'], context.env.LUCENT_SYFT_PATH, context.env),
  args: (source) => ['scan', `${SCHEMES[source.kind] ?? 'dir'}:${source.target}`, '-o', 'cyclonedx-json', '-q'],
};
