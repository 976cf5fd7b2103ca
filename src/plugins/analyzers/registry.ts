/** The analyzer plug-ins, as an explicit list; `--analyzers builtin,trivy,syft` picks from it. */
import type { AnalyzerPlugin } from './plugin.ts';
import { syftPlugin } from './syft.ts';
import { trivyPlugin } from './trivy.ts';

/** Every analyzer plug-in. */
export const ANALYZER_PLUGINS: readonly AnalyzerPlugin[] = [trivyPlugin, syftPlugin];
