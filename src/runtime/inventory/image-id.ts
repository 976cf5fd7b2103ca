/**
 * Which image a container runs, from its status `imageID` and its spec `image`. Runtimes write the ID differently:
 * containerd and CRI-O give `REPO@sha256:…`; dockershim and cri-dockerd prefix it with `docker-pullable://`; an
 * image that was never pulled from a registry (built or loaded on the node) shows only its local ID, `sha256:…` or
 * `docker://sha256:…`, which is the config digest, not a manifest digest, and must be resolved through the registry.
 * A container that has not started has no imageID yet; a spec pinned by digest still says which image it will run.
 */
import { formatReference, parseReference } from '../../image/sources/registry/reference.ts';

/** What is known about a container's image. */
export type ImageIdentity =
  /** A manifest digest and a reference that pulls exactly it (`registry/repo@sha256:…`). */
  | { kind: 'digest'; digest: string; reference: string }
  /** Only the node-local image ID (the config digest); the spec image must be resolved through the registry. */
  | { kind: 'local'; imageId: string; specImage: string }
  /** Nothing usable: the reason says why. */
  | { kind: 'unknown'; reason: string };

/** Prefixes runtimes put before the reference or ID (cri-dockerd, dockershim, some CRI-O versions). */
const PREFIXES = ['docker-pullable://', 'docker://', 'containerd://', 'cri-o://'];
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Works out the image identity of one container. */
export function imageIdentity(specImage: string | undefined, imageId: string | undefined): ImageIdentity {
  const id = stripPrefix(imageId?.trim() ?? '');
  if (DIGEST.test(id)) {
    const pinned = pinnedReference(specImage);
    // A spec pinned by digest names the manifest itself; the local ID adds nothing.
    if (pinned) return pinned;
    if (!specImage) return { kind: 'unknown', reason: `the image ID ${id} is local and the container has no image` };
    return { kind: 'local', imageId: id, specImage };
  }
  if (id.includes('@')) {
    try {
      const parsed = parseReference(id);
      if (parsed.digest) {
        const { tag: _tag, ...rest } = parsed;
        return { kind: 'digest', digest: parsed.digest, reference: formatReference(rest) };
      }
    } catch {
      // fall through: a malformed ID is reported below, unless the spec pins a digest
    }
  }
  const pinned = pinnedReference(specImage);
  if (pinned) return pinned;
  if (!id) return { kind: 'unknown', reason: 'the container has not started, so its image digest is not known yet' };
  return { kind: 'unknown', reason: `the image ID "${imageId}" is neither a digest reference nor a local ID` };
}

function stripPrefix(id: string): string {
  for (const prefix of PREFIXES) if (id.startsWith(prefix)) return id.slice(prefix.length);
  return id;
}

/** A spec image pinned by digest (`repo[:tag]@sha256:…`), as a digest identity. */
function pinnedReference(specImage: string | undefined): ImageIdentity | undefined {
  if (!specImage?.includes('@')) return undefined;
  try {
    const parsed = parseReference(specImage);
    if (!parsed.digest) return undefined;
    const { tag: _tag, ...rest } = parsed;
    return { kind: 'digest', digest: parsed.digest, reference: formatReference(rest) };
  } catch {
    return undefined;
  }
}
