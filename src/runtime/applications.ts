/**
 * Applications from a runtime scan, pure, by KubeClarity's rule (backend/pkg/rest/runtime_scan_controller.go): the
 * name is the first non-empty pod label among `app`, `k8s-app`, `app.kubernetes.io/name` and `name`, else the owner
 * workload's name (KubeClarity used the pod name, which gives one application per pod of a Deployment), else the pod
 * name; a `version` (or `app.kubernetes.io/version`) label is appended after a dot. Pods that share a name form one
 * application: its environments are their namespaces, its labels their `key=value` labels, its resources the images
 * they run, with source RUNTIME. Images that failed to scan give no resource.
 */
import type { PlannedImage } from './plan.ts';

/** Label keys that name an application, in order of preference. */
export const APP_NAME_LABELS = ['app', 'k8s-app', 'app.kubernetes.io/name', 'name'] as const;
/** Label keys that give its version. */
export const APP_VERSION_LABELS = ['version', 'app.kubernetes.io/version'] as const;

/** One image an application runs. */
export interface ApplicationResource {
  digest: string;
  /** The image as the pods name it. */
  name: string;
  source: 'RUNTIME';
}

/** An application found at runtime. */
export interface RuntimeApplication {
  name: string;
  type: 'POD';
  /** `key=value`, sorted, unique. */
  labels: string[];
  /** Namespaces, sorted. */
  environments: string[];
  resources: ApplicationResource[];
  /** `namespace/pod`, sorted. */
  pods: string[];
}

/** The application name of a pod. */
export function applicationName(
  labels: Record<string, string>,
  workload: { kind: string; name: string },
  pod: string,
): string {
  const base =
    APP_NAME_LABELS.map((key) => labels[key]).find(Boolean) ?? (workload.kind === 'Pod' ? pod : workload.name);
  const version = APP_VERSION_LABELS.map((key) => labels[key]).find(Boolean);
  return version ? `${base}.${version}` : base;
}

/** Groups the images' usages into applications; `scanned(digest)` says whether an image's scan succeeded. */
export function buildApplications(
  images: readonly PlannedImage[],
  scanned: (digest: string) => boolean,
): RuntimeApplication[] {
  const apps = new Map<
    string,
    { labels: Set<string>; envs: Set<string>; pods: Set<string>; res: Map<string, string> }
  >();
  for (const image of images) {
    if (!scanned(image.digest)) continue;
    for (const usage of image.usages) {
      const name = applicationName(usage.podLabels, usage.workload, usage.pod);
      let app = apps.get(name);
      if (!app) {
        app = { labels: new Set(), envs: new Set(), pods: new Set(), res: new Map() };
        apps.set(name, app);
      }
      for (const [key, value] of Object.entries(usage.podLabels)) app.labels.add(`${key}=${value}`);
      app.envs.add(usage.namespace);
      app.pods.add(`${usage.namespace}/${usage.pod}`);
      if (!app.res.has(image.digest)) app.res.set(image.digest, image.names[0] ?? image.references[0] ?? image.digest);
    }
  }
  return [...apps.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, app]) => ({
      name,
      type: 'POD',
      labels: [...app.labels].sort(),
      environments: [...app.envs].sort(),
      resources: [...app.res.entries()]
        .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([digest, resourceName]) => ({ digest, name: resourceName, source: 'RUNTIME' as const })),
      pods: [...app.pods].sort(),
    }));
}
