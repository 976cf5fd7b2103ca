/** `lucent cache info|clean`: the on-disk layer cache. */
import { Command } from 'commander';
import { cacheInfo, cleanCache } from '../../image/layer-cache.ts';
import { contextOf } from '../context.ts';
import { formatBytes } from '../table.ts';

/** Builds the `cache` command group. */
export function cacheCommand(): Command {
  const cache = new Command('cache').description(
    'manage the layer cache ($LUCENT_CACHE_DIR or $XDG_CACHE_HOME/lucent)',
  );
  cache
    .command('info')
    .description('show where the cache is and how much it holds')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, self: Command) => {
      const context = contextOf(self);
      const info = await cacheInfo(context.cacheDir);
      context.out(
        flags.json
          ? JSON.stringify(info, null, 2)
          : `cache: ${info.dir}\nlayer entries: ${info.entries}\nsize: ${formatBytes(info.bytes)}`,
      );
    });
  cache
    .command('clean')
    .description('delete every cached layer result')
    .action(async (_flags: unknown, self: Command) => {
      const context = contextOf(self);
      const removed = await cleanCache(context.cacheDir);
      context.out(`removed ${removed.entries} layer entries (${formatBytes(removed.bytes)}) from ${removed.dir}`);
    });
  return cache;
}
