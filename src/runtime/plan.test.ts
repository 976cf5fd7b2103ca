import { describe, expect, it } from 'vitest';
import type { RuntimeContainer } from './inventory/types.ts';
import { planScan, podsOf } from './plan.ts';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

function container(
  namespace: string,
  pod: string,
  name: string,
  identity: RuntimeContainer['identity'],
  extra: Partial<RuntimeContainer> = {},
): RuntimeContainer {
  return {
    namespace,
    pod,
    container: name,
    kind: 'container',
    image: extra.image ?? 'r.io/web:1',
    identity,
    workload: { kind: 'Deployment', name: 'web' },
    podLabels: {},
    pullSecrets: [],
    ...extra,
  };
}

describe('planScan', () => {
  it('groups containers by digest, in name order, with every pod and secret that uses each image', () => {
    const plan = planScan(
      [
        container(
          'b',
          'web-2',
          'app',
          { kind: 'digest', digest: A, reference: `r.io/web@${A}` },
          { pullSecrets: ['b/s'] },
        ),
        container(
          'a',
          'web-1',
          'app',
          { kind: 'digest', digest: A, reference: `r.io/web@${A}` },
          { pullSecrets: ['a/s'] },
        ),
        container(
          'a',
          'web-1',
          'init',
          { kind: 'digest', digest: B, reference: `r.io/tools@${B}` },
          {
            kind: 'init',
            image: 'r.io/tools:3',
          },
        ),
        container(
          'a',
          'mirror',
          'app',
          { kind: 'digest', digest: A, reference: `mirror.io/web@${A}` },
          {
            image: 'mirror.io/web:1',
          },
        ),
      ],
      (digest) => (digest === B ? 'rematch' : 'pull'),
    );
    expect(plan.unplanned).toEqual([]);
    expect(plan.images.map((image) => [image.digest, image.action, image.references, image.names])).toEqual([
      [B, 'rematch', [`r.io/tools@${B}`], ['r.io/tools:3']],
      [A, 'pull', [`r.io/web@${A}`, `mirror.io/web@${A}`], ['r.io/web:1', 'mirror.io/web:1']],
    ]);
    const web = plan.images[1];
    if (!web) throw new Error('missing');
    expect(web.pullSecrets).toEqual(['b/s', 'a/s']);
    expect(web.namespaces).toEqual(['a', 'b']);
    expect(podsOf(web)).toEqual(['a/mirror', 'a/web-1', 'b/web-2']);
    expect(web.usages.map((usage) => `${usage.namespace}/${usage.pod}/${usage.container}`)).toEqual([
      'b/web-2/app',
      'a/web-1/app',
      'a/mirror/app',
    ]);
  });

  it('reports containers with no usable digest once per image and reason, with their pods', () => {
    const pending = { kind: 'unknown' as const, reason: 'not started' };
    const plan = planScan(
      [
        container('a', 'p2', 'x', pending, { image: 'nginx' }),
        container('a', 'p1', 'x', pending, { image: 'nginx' }),
        container('a', 'p1', 'y', pending, { image: 'nginx' }),
        container('b', 'local', 'x', { kind: 'local', imageId: B, specImage: 'r.io/app:1' }, { image: 'r.io/app:1' }),
      ],
      () => 'pull',
    );
    expect(plan.images).toEqual([]);
    expect(plan.unplanned).toEqual([
      { image: 'nginx', reason: 'not started', pods: ['a/p1', 'a/p2'] },
      {
        image: 'r.io/app:1',
        reason: `only the node-local image ID ${B} is known, and it was not resolved through the registry`,
        pods: ['b/local'],
      },
    ]);
  });
});
