/**
 * Platforms (`os/arch[/variant]`): parsing, the host's default, and picking a manifest from an index.
 * Names follow the OCI image index spec and Go's GOOS/GOARCH values.
 */
import { arch as hostArch, platform as hostOs } from 'node:os';
import { LucentError } from '../core/errors.ts';
import type { Platform } from './image.ts';

const NODE_TO_GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };

/** Parses `os/arch[/variant]`, e.g. `linux/arm64/v8`. */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  const [os, architecture, variant] = parts;
  if (parts.length < 2 || parts.length > 3 || !os || !architecture || (parts.length === 3 && !variant)) {
    throw new LucentError('E_USAGE', `invalid platform "${text}"`, {
      hint: 'use os/arch[/variant], for example linux/amd64 or linux/arm64/v8',
    });
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

/** The platform Lucent runs on, which is the default pick from a multi-platform image. */
export function hostPlatform(): Platform {
  const architecture = NODE_TO_GO_ARCH[hostArch()] ?? hostArch();
  // Images are Linux images almost everywhere; a macOS or Windows host still wants the Linux variant.
  return { os: hostOs() === 'win32' ? 'windows' : 'linux', architecture };
}

/** Formats a platform as `os/arch[/variant]`. */
export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** arm64 without a variant means v8, and amd64 means v1: normalise so equal platforms compare equal. */
function normalisedVariant(platform: Platform): string | undefined {
  if (platform.variant) return platform.variant;
  if (platform.architecture === 'arm64') return 'v8';
  return undefined;
}

/** True when `candidate` satisfies `wanted` (a missing wanted variant accepts any). */
export function platformMatches(candidate: Platform, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  if (!wanted.variant) return true;
  return normalisedVariant(candidate) === normalisedVariant(wanted);
}

/** Picks the entry of an index for a platform, preferring an exact variant, or explains what is available. */
export function pickPlatform<T extends { platform?: Platform | undefined }>(
  entries: T[],
  wanted: Platform,
  where: string,
): T {
  const usable = entries.filter((entry) => entry.platform && entry.platform.architecture !== 'unknown');
  const matches = usable.filter((entry) => entry.platform && platformMatches(entry.platform, wanted));
  const exact = matches.find((entry) => entry.platform?.variant === wanted.variant);
  const found = exact ?? matches[0];
  if (found) return found;
  const available = usable.map((entry) => formatPlatform(entry.platform as Platform)).join(', ') || 'none';
  throw new LucentError('E_PLATFORM_NOT_FOUND', `${where} has no image for platform ${formatPlatform(wanted)}`, {
    hint: `available platforms: ${available}; choose one with --platform`,
  });
}
