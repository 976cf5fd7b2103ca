import { describe, expect, it } from 'vitest';
import { imageIdentity } from './image-id.ts';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('imageIdentity', () => {
  it.each([
    ['containerd', 'nginx:1.27', `docker.io/library/nginx@${A}`, `docker.io/library/nginx@${A}`],
    ['cri-dockerd', 'nginx:1.27', `docker-pullable://nginx@${A}`, `docker.io/library/nginx@${A}`],
    ['CRI-O, private registry', 'r.io:5000/app:v1', `r.io:5000/app@${A}`, `r.io:5000/app@${A}`],
    ['repository of the ID wins over the spec', 'mirror.io/app:v1', `r.io/app@${A}`, `r.io/app@${A}`],
    ['not started, spec pinned', `r.io/app:v1@${A}`, '', `r.io/app@${A}`],
    ['local ID, spec pinned', `r.io/app@${A}`, `sha256:${'c'.repeat(64)}`, `r.io/app@${A}`],
  ])('%s', (_name, spec, id, reference) => {
    const digest = reference.slice(reference.indexOf('@') + 1);
    expect(imageIdentity(spec, id)).toEqual({ kind: 'digest', digest, reference });
  });

  it.each([
    ['containerd local image', B],
    ['dockershim local image', `docker://${B}`],
  ])('%s needs the registry', (_name, id) => {
    expect(imageIdentity('r.io/app:v1', id)).toEqual({ kind: 'local', imageId: B, specImage: 'r.io/app:v1' });
  });

  it.each([
    ['not started', 'nginx', undefined, 'the container has not started, so its image digest is not known yet'],
    ['garbage', 'nginx', 'what?', 'the image ID "what?" is neither a digest reference nor a local ID'],
    ['local with no spec image', undefined, B, `the image ID ${B} is local and the container has no image`],
  ])('%s is unknown', (_name, spec, id, reason) => {
    expect(imageIdentity(spec, id)).toEqual({ kind: 'unknown', reason });
  });
});
