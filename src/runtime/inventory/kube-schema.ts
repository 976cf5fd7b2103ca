/**
 * The parts of Kubernetes objects the inventory reads, validated at the boundary (what client-node deserialised is
 * typed but never checked). Field names as in the API reference:
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/
 */
import { z } from 'zod';

const stringMap = z.record(z.string(), z.string()).nullish();

const ownerReferenceSchema = z.object({ apiVersion: z.string(), kind: z.string(), name: z.string() });

/** Object metadata: name, namespace, labels, annotations and owners. */
export const objectMetaSchema = z.object({
  name: z.string(),
  namespace: z.string().nullish(),
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: z.array(ownerReferenceSchema.extend({ controller: z.boolean().nullish() })).nullish(),
});

const containerSchema = z.object({ name: z.string(), image: z.string().nullish() });
const containerStatusSchema = z.object({
  name: z.string(),
  image: z.string().nullish(),
  imageID: z.string().nullish(),
});
const localReferenceList = z.array(z.object({ name: z.string().nullish() })).nullish();

/** A pod: its containers of the three kinds, their statuses, its pull secrets and service account. */
export const podSchema = z.object({
  metadata: objectMetaSchema,
  spec: z
    .object({
      containers: z.array(containerSchema).nullish(),
      initContainers: z.array(containerSchema).nullish(),
      ephemeralContainers: z.array(containerSchema).nullish(),
      imagePullSecrets: localReferenceList,
      serviceAccountName: z.string().nullish(),
    })
    .nullish(),
  status: z
    .object({
      phase: z.string().nullish(),
      containerStatuses: z.array(containerStatusSchema).nullish(),
      initContainerStatuses: z.array(containerStatusSchema).nullish(),
      ephemeralContainerStatuses: z.array(containerStatusSchema).nullish(),
    })
    .nullish(),
});

/** A validated pod. */
export type Pod = z.infer<typeof podSchema>;

/** Any object read only for its metadata (ReplicaSet, Job). */
export const ownedObjectSchema = z.object({ metadata: objectMetaSchema });

/** A validated object's metadata. */
export type ObjectMeta = z.infer<typeof objectMetaSchema>;

/** A service account: only its image pull secrets matter here. */
export const serviceAccountSchema = z.object({ metadata: objectMetaSchema, imagePullSecrets: localReferenceList });

/** A secret: its type and base64 data. */
export const secretSchema = z.object({
  metadata: objectMetaSchema,
  type: z.string().nullish(),
  data: z.record(z.string(), z.string()).nullish(),
});

/** A validated secret. */
export type Secret = z.infer<typeof secretSchema>;
