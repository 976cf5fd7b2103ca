/**
 * A pod's containers, pure: regular, init and ephemeral containers, each with its spec image and the imageID from
 * the matching status list (`containerStatuses`, `initContainerStatuses`, `ephemeralContainerStatuses`, matched by
 * name), and the identity worked out from them.
 */
import { imageIdentity } from './image-id.ts';
import type { Pod } from './kube-schema.ts';
import { type ContainerKind, type RuntimeContainer, SKIP_KEY, type Workload } from './types.ts';

type Containers = NonNullable<Pod['spec']>['containers'];
type Statuses = NonNullable<Pod['status']>['containerStatuses'];

/** Why a pod is skipped, or undefined when it is scanned. */
export function skipReason(pod: Pod): string | undefined {
  if (pod.metadata.labels?.[SKIP_KEY] === 'false') return `label ${SKIP_KEY}=false`;
  if (pod.metadata.annotations?.[SKIP_KEY] === 'false') return `annotation ${SKIP_KEY}=false`;
  return undefined;
}

/** The containers of a pod, in spec order: init containers first (they run first), then containers, then ephemeral. */
export function podContainers(pod: Pod, workload: Workload, pullSecrets: string[]): RuntimeContainer[] {
  const spec = pod.spec;
  const status = pod.status;
  const entries: [ContainerKind, Containers, Statuses][] = [
    ['init', spec?.initContainers, status?.initContainerStatuses],
    ['container', spec?.containers, status?.containerStatuses],
    ['ephemeral', spec?.ephemeralContainers, status?.ephemeralContainerStatuses],
  ];
  const namespace = pod.metadata.namespace ?? 'default';
  const labels = { ...(pod.metadata.labels ?? {}) };
  return entries.flatMap(([kind, containers, statuses]) =>
    (containers ?? []).map((container) => {
      const imageId = statuses?.find((entry) => entry.name === container.name)?.imageID ?? undefined;
      const image = container.image ?? '';
      return {
        namespace,
        pod: pod.metadata.name,
        container: container.name,
        kind,
        image,
        ...(imageId ? { imageId } : {}),
        identity: imageIdentity(image || undefined, imageId),
        workload,
        podLabels: labels,
        pullSecrets,
      };
    }),
  );
}
