/**
 * The scan plan, pure: the inventory's containers grouped by image digest, so each unique image is handled once
 * whatever the number of pods that run it. A digest whose SBOM is already stored is only re-matched (its content
 * cannot have changed; the advisories may have), never pulled again, and not even re-matched when its findings come
 * from the current advisory data. Containers without a usable digest are
 * reported as failures, grouped by image and reason, with the pods they affect.
 */
import type { ContainerKind, RuntimeContainer, Workload } from './inventory/types.ts';
import type { ImageAction } from './store/runtime-store.ts';

/** One container that runs an image. */
export interface ImageUsage {
  namespace: string;
  pod: string;
  container: string;
  kind: ContainerKind;
  workload: Workload;
  podLabels: Record<string, string>;
}

/** What to do with one image. */
export interface PlannedImage {
  digest: string;
  /** References that pull exactly this digest (`registry/repo@sha256:…`), in order of first use. */
  references: string[];
  /** The image as the pod specs name it (tags), in order of first use: the resource's display name. */
  names: string[];
  /** `rematch`: the SBOM is stored, only the matching runs again; `current`: matched with this advisory data already. */
  action: ImageAction;
  /** Pull secret keys of every pod that runs it, in order of first use. */
  pullSecrets: string[];
  usages: ImageUsage[];
  namespaces: string[];
}

/** Containers whose image could not be identified, grouped. */
export interface UnplannedImage {
  image: string;
  reason: string;
  /** `namespace/pod`, sorted. */
  pods: string[];
}

/** The plan of a runtime scan. */
export interface ScanPlan {
  images: PlannedImage[];
  unplanned: UnplannedImage[];
}

/** Builds the plan; `actionOf(digest)` says what the store's state asks for (pull, re-match, nothing). */
export function planScan(containers: readonly RuntimeContainer[], actionOf: (digest: string) => ImageAction): ScanPlan {
  const images = new Map<string, PlannedImage>();
  const unplanned = new Map<string, UnplannedImage>();
  for (const container of containers) {
    const { identity } = container;
    if (identity.kind !== 'digest') {
      const reason =
        identity.kind === 'local'
          ? `only the node-local image ID ${identity.imageId} is known, and it was not resolved through the registry`
          : identity.reason;
      const key = `${container.image}\n${reason}`;
      const entry = unplanned.get(key) ?? { image: container.image, reason, pods: [] };
      const pod = `${container.namespace}/${container.pod}`;
      if (!entry.pods.includes(pod)) entry.pods.push(pod);
      unplanned.set(key, entry);
      continue;
    }
    let image = images.get(identity.digest);
    if (!image) {
      image = {
        digest: identity.digest,
        references: [],
        names: [],
        action: actionOf(identity.digest),
        pullSecrets: [],
        usages: [],
        namespaces: [],
      };
      images.set(identity.digest, image);
    }
    addOnce(image.references, identity.reference);
    addOnce(image.names, container.image || identity.reference);
    for (const secret of container.pullSecrets) addOnce(image.pullSecrets, secret);
    addOnce(image.namespaces, container.namespace);
    image.usages.push({
      namespace: container.namespace,
      pod: container.pod,
      container: container.container,
      kind: container.kind,
      workload: container.workload,
      podLabels: container.podLabels,
    });
  }
  const sortedImages = [...images.values()].sort(
    (a, b) => compare(a.names[0], b.names[0]) || compare(a.digest, b.digest),
  );
  for (const image of sortedImages) image.namespaces.sort();
  const sortedUnplanned = [...unplanned.values()].sort(
    (a, b) => compare(a.image, b.image) || compare(a.reason, b.reason),
  );
  for (const entry of sortedUnplanned) entry.pods.sort();
  return { images: sortedImages, unplanned: sortedUnplanned };
}

/** The pods (`namespace/pod`, sorted, unique) that run an image. */
export function podsOf(image: PlannedImage): string[] {
  return [...new Set(image.usages.map((usage) => `${usage.namespace}/${usage.pod}`))].sort();
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function compare(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}
