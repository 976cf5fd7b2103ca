/** Flags that say how to read a source, shared by every command that takes one. */
import type { Command } from 'commander';
import type { Image } from '../image/image.ts';
import type { LayerCache } from '../image/layer-cache.ts';
import { parsePlatform } from '../image/platform.ts';
import { openImage } from '../image/sources/open-image.ts';
import type { CommandContext } from './context.ts';
import { addRegistryOptions, registryOptionsFrom } from './registry-options.ts';

/** Adds `-i/--input-type` and the registry flags (which include `--platform`). */
export function addSourceOptions(command: Command): Command {
  command.option(
    '-i, --input-type <type>',
    'how to read SOURCE: image, dir, rootfs, file, docker-archive, oci-archive, oci-dir (default: detect)',
  );
  return addRegistryOptions(command);
}

/** Opens the command's SOURCE with its flags (and the layer cache, which also remembers compressed archives). */
export async function openSource(source: string, flags: Record<string, unknown>, cache?: LayerCache): Promise<Image> {
  const registry = registryOptionsFrom(flags);
  const platform = typeof flags.platform === 'string' ? parsePlatform(flags.platform) : undefined;
  return openImage(source, {
    registry,
    ...(cache ? { cache } : {}),
    ...(typeof flags.inputType === 'string' ? { inputType: flags.inputType } : {}),
    ...(platform ? { platform } : {}),
  });
}

/**
 * Opens the command's SOURCE, runs `work` on it with the progress display, and always closes the image and clears
 * the progress line, whatever happens.
 */
export async function withSource<T>(
  source: string,
  flags: Record<string, unknown>,
  context: CommandContext,
  work: (image: Image) => Promise<T>,
): Promise<T> {
  context.progress.status(`reading ${source}…`);
  const image = await openSource(source, flags, context.cache);
  try {
    return await work(image);
  } finally {
    context.progress.stop();
    await image.close();
  }
}
