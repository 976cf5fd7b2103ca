/** Global options every command shares, and what they turn into. */
import type { Command } from 'commander';
import { DiskLayerCache, defaultCacheDir, type LayerCache, noLayerCache } from '../image/layer-cache.ts';
import { createProgress, type ProgressDisplay } from './progress.ts';

/** Global flags, as commander parses them. */
export interface GlobalFlags {
  debug?: boolean;
  quiet?: boolean;
  cache?: boolean;
  cacheDir?: string;
}

/** What a command needs from the global flags. */
export interface CommandContext {
  cacheDir: string;
  cache: LayerCache;
  progress: ProgressDisplay;
  out: (text: string) => void;
}

/** Builds the context from the root program's flags. */
export function contextOf(command: Command): CommandContext {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const cacheDir = flags.cacheDir ?? defaultCacheDir();
  return {
    cacheDir,
    cache: flags.cache === false ? noLayerCache : new DiskLayerCache(cacheDir),
    progress: createProgress({ quiet: flags.quiet === true }),
    out: (text) => {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
