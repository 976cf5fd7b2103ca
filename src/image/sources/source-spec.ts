/**
 * Source strings (DESIGN §2): `registry:REF`, `docker-archive:PATH`, `oci-archive:PATH`, `oci-dir:PATH`, `dir:PATH`,
 * `file:PATH`, or a bare argument that is detected (an existing path by its content, anything else as an image
 * reference). KubeClarity's `--input-type` values mean the same as the prefixes.
 */
import { LucentError } from '../../core/errors.ts';
import type { SourceKind } from '../image.ts';

/** A source kind and what it points at (a path or an image reference). */
export interface SourceSpec {
  kind: SourceKind | 'auto';
  target: string;
}

/** Prefixes, with the aliases other tools use. */
const PREFIXES: Record<string, SourceKind> = {
  registry: 'registry',
  docker: 'registry',
  image: 'registry',
  'docker-archive': 'docker-archive',
  'oci-archive': 'oci-archive',
  'oci-dir': 'oci-dir',
  oci: 'oci-dir',
  dir: 'dir',
  rootfs: 'dir',
  file: 'file',
};

/** `--input-type` values (KubeClarity's, plus ours). */
const INPUT_TYPES: Record<string, SourceKind> = { ...PREFIXES, rootfs: 'dir' };

/** Kinds a user can name, for error messages. */
export const SUPPORTED_SOURCES =
  'registry:REF, docker-archive:PATH, oci-archive:PATH, oci-dir:PATH, dir:PATH, file:PATH';

/** Parses a source string and an optional `--input-type` into a kind and a target. */
export function parseSource(text: string, inputType?: string): SourceSpec {
  if (text.trim() === '')
    throw new LucentError('E_USAGE', 'no source given', { hint: `use one of ${SUPPORTED_SOURCES}` });
  if (inputType !== undefined) {
    const kind = INPUT_TYPES[inputType.toLowerCase()];
    if (!kind) throw unknownFormat(`input type "${inputType}"`);
    return { kind, target: stripPrefix(text, kind) ?? text };
  }
  const colon = text.indexOf(':');
  if (colon > 0) {
    const prefix = text.slice(0, colon).toLowerCase();
    const kind = PREFIXES[prefix];
    if (kind) return { kind, target: text.slice(colon + 1) };
    const rest = text.slice(colon + 1);
    // `sbom:` and daemon sources are real formats with another home; `foo:/path` is a format we do not know.
    if (prefix === 'sbom') {
      throw new LucentError('E_SOURCE_UNKNOWN_FORMAT', 'an SBOM has no image to inspect or list files of', {
        hint: 'SBOM sources are read by `lucent scan sbom:PATH`',
      });
    }
    if (prefix === 'podman' || prefix === 'containerd' || prefix === 'docker-daemon') {
      throw new LucentError('E_SOURCE_UNKNOWN_FORMAT', `Lucent does not read images from a ${prefix} daemon`, {
        hint: 'export it first (`docker save IMAGE -o image.tar`), then use docker-archive:image.tar, or use registry:REF',
      });
    }
    if (/^[a-z][a-z0-9-]*$/.test(prefix) && /^(\/|\.{1,2}\/|~\/)/.test(rest)) throw unknownFormat(`"${prefix}:"`);
  }
  return { kind: 'auto', target: text };
}

function stripPrefix(text: string, kind: SourceKind): string | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return PREFIXES[text.slice(0, colon).toLowerCase()] === kind ? text.slice(colon + 1) : undefined;
}

function unknownFormat(what: string): LucentError {
  return new LucentError('E_SOURCE_UNKNOWN_FORMAT', `unknown source format ${what}`, {
    hint: `supported: ${SUPPORTED_SOURCES}, or a bare path or image reference; --input-type accepts image, dir, rootfs, file, docker-archive, oci-archive, oci-dir`,
  });
}
