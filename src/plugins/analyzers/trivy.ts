/**
 * Trivy as an analyzer plug-in: `trivy image --input ARCHIVE`, `trivy image REF`, `trivy rootfs DIR`, with CycloneDX
 * output (which needs no vulnerability database, so it runs offline). Found through `$LUCENT_TRIVY_PATH` or `PATH`.
 */
import { join } from 'node:path';
import { findExecutable } from '../run-tool.ts';
import type { AnalyzerPlugin } from './plugin.ts';

/** The Trivy plug-in. */
export const trivyPlugin: AnalyzerPlugin = {
  name: 'trivy',
  locate: (context) => findExecutable(['trivy'], context.env.LUCENT_TRIVY_PATH, context.env),
  args(source, context) {
    const common = ['--format', 'cyclonedx', '--quiet', '--cache-dir', join(context.cacheDir, 'trivy')];
    switch (source.kind) {
      case 'registry':
        return ['image', ...common, source.target];
      case 'dir':
      case 'file':
        return ['rootfs', ...common, source.target];
      default:
        return ['image', ...common, '--input', source.target];
    }
  },
};
