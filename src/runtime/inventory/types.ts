/** What the runtime inventory finds in a cluster: the containers that run, with their images and pull secrets. */
import type { ImageIdentity } from './image-id.ts';
import type { PullSecret } from './pull-secrets.ts';

/** The three kinds of containers a pod can have. */
export type ContainerKind = 'container' | 'init' | 'ephemeral';

/** The workload that owns a pod, after following owners up (ReplicaSet → Deployment, Job → CronJob). */
export interface Workload {
  kind: string;
  name: string;
}

/** One container of one pod. */
export interface RuntimeContainer {
  namespace: string;
  pod: string;
  container: string;
  kind: ContainerKind;
  /** The image as the pod spec names it. */
  image: string;
  /** The status imageID as the runtime reported it, if any. */
  imageId?: string;
  identity: ImageIdentity;
  workload: Workload;
  podLabels: Record<string, string>;
  /** Keys (`namespace/name`) of the pull secrets that apply: the pod's, its service account's, then the global one. */
  pullSecrets: string[];
}

/** A pod that was left out, and why. */
export interface SkippedPod {
  namespace: string;
  pod: string;
  reason: string;
}

/** The inventory of a cluster (or of the chosen namespaces). */
export interface ClusterInventory {
  /** Namespaces whose pods were read, sorted. */
  namespaces: string[];
  /** Pods found in them (skipped ones included). */
  podCount: number;
  containers: RuntimeContainer[];
  skipped: SkippedPod[];
  /** Pull secrets by key; only those that parsed. */
  secrets: Map<string, PullSecret>;
  /** Things that did not stop the inventory but may explain a failure later (a missing secret, a 403 on a get). */
  warnings: string[];
  /** Namespaces that could not be read at all, with the reason. */
  failures: { namespace: string; message: string }[];
}

/** Which pods to read. */
export interface InventoryScope {
  /** Namespaces to read; empty means all. */
  namespaces: readonly string[];
  excludeNamespaces?: readonly string[];
  /** A pull secret (`namespace/name`) tried for every image after the pod's own. */
  globalPullSecret?: string;
}

/** The label or annotation that keeps a pod out of scans when it is "false". */
export const SKIP_KEY = 'lucent.io/scan';
