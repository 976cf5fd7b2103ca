/**
 * Containers that show only a node-local image ID (`sha256:…`, the config digest) are identified through the
 * registry: the spec image is opened there and kept when its config digest is the one running; its manifest digest
 * then identifies it. When the tag has moved on since the pod started, the running image cannot be pulled by name,
 * and the container is reported with that reason.
 */
import { describeError } from '../../core/errors.ts';
import type { RegistryOptions } from '../../image/sources/registry/index.ts';
import { formatReference, parseReference } from '../../image/sources/registry/reference.ts';
import type { ImageIdentity } from '../inventory/image-id.ts';
import type { PullSecret } from '../inventory/pull-secrets.ts';
import type { RuntimeContainer } from '../inventory/types.ts';
import { mapLimit } from '../map-limit.ts';
import { openWithCredentials } from './open-with-credentials.ts';

/** Returns the containers with every local identity resolved to a digest, or to an unknown with the reason. */
export async function resolveLocalImages(
  containers: readonly RuntimeContainer[],
  secrets: ReadonlyMap<string, PullSecret>,
  registry: RegistryOptions,
  parallelism: number,
): Promise<RuntimeContainer[]> {
  const pending = new Map<string, RuntimeContainer>();
  for (const container of containers) {
    if (container.identity.kind === 'local') pending.set(keyOf(container), container);
  }
  const resolved = new Map<string, ImageIdentity>();
  await mapLimit([...pending.entries()], parallelism, async ([key, container]) => {
    resolved.set(key, await resolveOne(container, secrets, registry));
  });
  return containers.map((container) =>
    container.identity.kind === 'local'
      ? { ...container, identity: resolved.get(keyOf(container)) ?? container.identity }
      : container,
  );
}

function keyOf(container: RuntimeContainer): string {
  return container.identity.kind === 'local' ? `${container.identity.specImage}\n${container.identity.imageId}` : '';
}

async function resolveOne(
  container: RuntimeContainer,
  secrets: ReadonlyMap<string, PullSecret>,
  registry: RegistryOptions,
): Promise<ImageIdentity> {
  if (container.identity.kind !== 'local') return container.identity;
  const { specImage, imageId } = container.identity;
  const podSecrets = container.pullSecrets.flatMap((key) => secrets.get(key) ?? []);
  try {
    const image = await openWithCredentials([specImage], podSecrets, registry);
    try {
      const digest = image.manifest?.digest;
      if (image.configDigest !== imageId || !digest) {
        return {
          kind: 'unknown',
          reason: `the node runs local image ${imageId}, but ${specImage} now points to ${image.configDigest ?? 'another image'} in the registry`,
        };
      }
      const { tag: _tag, digest: _digest, ...repository } = parseReference(specImage);
      return { kind: 'digest', digest, reference: formatReference({ ...repository, digest }) };
    } finally {
      await image.close();
    }
  } catch (error) {
    return {
      kind: 'unknown',
      reason: `the local image ${imageId} could not be resolved through the registry: ${describeError(error).split('\n')[0]}`,
    };
  }
}
