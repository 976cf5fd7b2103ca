import { describe, expect, it } from 'vitest';
import { applicationName, buildApplications } from './applications.ts';
import type { PlannedImage } from './plan.ts';

describe('applicationName', () => {
  it.each([
    [{ app: 'web', 'k8s-app': 'x', name: 'y' }, 'Deployment', 'web'],
    [{ 'k8s-app': 'kube-dns', 'app.kubernetes.io/name': 'x' }, 'Deployment', 'kube-dns'],
    [{ 'app.kubernetes.io/name': 'grafana', name: 'y' }, 'Deployment', 'grafana'],
    [{ name: 'legacy' }, 'Deployment', 'legacy'],
    [{ app: '', name: 'empty-app-skipped' }, 'Deployment', 'empty-app-skipped'],
    [{ tier: 'x' }, 'Deployment', 'workload-name'],
    [{}, 'Pod', 'pod-name'],
    [{ app: 'web', version: 'v2' }, 'Deployment', 'web.v2'],
    [{ app: 'web', 'app.kubernetes.io/version': '1.4.0' }, 'Deployment', 'web.1.4.0'],
    [{ app: 'web', version: 'v2', 'app.kubernetes.io/version': '1.4.0' }, 'Deployment', 'web.v2'],
    [{ version: '3' }, 'StatefulSet', 'workload-name.3'],
  ])('%j owned by a %s → %s', (labels, kind, expected) => {
    const workload = { kind, name: kind === 'Pod' ? 'pod-name' : 'workload-name' };
    expect(applicationName(labels as Record<string, string>, workload, 'pod-name')).toBe(expected);
  });
});

describe('buildApplications', () => {
  const image = (digest: string, name: string, usages: [string, string, Record<string, string>][]): PlannedImage => ({
    digest,
    references: [],
    names: [name],
    action: 'pull',
    pullSecrets: [],
    namespaces: [],
    usages: usages.map(([namespace, pod, podLabels]) => ({
      namespace,
      pod,
      container: 'c',
      kind: 'container',
      workload: { kind: 'Deployment', name: 'd' },
      podLabels,
    })),
  });

  it('merges pods of one name across namespaces, and leaves failed images out', () => {
    const apps = buildApplications(
      [
        image('sha256:1', 'r.io/web:1', [
          ['prod', 'web-1', { app: 'web', tier: 'front' }],
          ['staging', 'web-1', { app: 'web', tier: 'edge' }],
        ]),
        image('sha256:2', 'r.io/sidecar:1', [['prod', 'web-1', { app: 'web', tier: 'front' }]]),
        image('sha256:3', 'r.io/broken:1', [['prod', 'web-1', { app: 'web', tier: 'front' }]]),
        image('sha256:4', 'r.io/db:16', [['prod', 'db-0', { app: 'db', version: '16' }]]),
      ],
      (digest) => digest !== 'sha256:3',
    );
    expect(apps).toEqual([
      {
        name: 'db.16',
        type: 'POD',
        labels: ['app=db', 'version=16'],
        environments: ['prod'],
        resources: [{ digest: 'sha256:4', name: 'r.io/db:16', source: 'RUNTIME' }],
        pods: ['prod/db-0'],
      },
      {
        name: 'web',
        type: 'POD',
        labels: ['app=web', 'tier=edge', 'tier=front'],
        environments: ['prod', 'staging'],
        resources: [
          { digest: 'sha256:2', name: 'r.io/sidecar:1', source: 'RUNTIME' },
          { digest: 'sha256:1', name: 'r.io/web:1', source: 'RUNTIME' },
        ],
        pods: ['prod/web-1', 'staging/web-1'],
      },
    ]);
  });
});
