/** The runtime inventory: what runs in a cluster, read through the Kubernetes API. */
import { createKubeReader, type KubeReader } from './kube-api.ts';
import { type KubeConfigOptions, loadKubeConfig } from './kube-config.ts';

export { collectInventory } from './collect.ts';
export { type ImageIdentity, imageIdentity } from './image-id.ts';
export { KUBE_API_CALLS, type KubeApiCall, type KubeReader } from './kube-api.ts';
export type { KubeConfigOptions } from './kube-config.ts';
export { credentialsFor, type PullCredential, type PullSecret } from './pull-secrets.ts';
export type * from './types.ts';

/** Connects to the cluster the options name: a reader, and a description of where it points for messages. */
export function connectCluster(options: KubeConfigOptions): { reader: KubeReader; source: string } {
  const { config, source } = loadKubeConfig(options);
  return { reader: createKubeReader(config, source), source };
}
