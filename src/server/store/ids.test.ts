import { describe, expect, it } from 'vitest';
import { applicationId, packageId, resourceId, uuidV5 } from './ids.ts';

describe('uuidV5', () => {
  // Reference values: Python's uuid.uuid5 (RFC 9562 §5.5), e.g. uuid5(NAMESPACE_DNS, 'python.org').
  it.each([
    ['6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org', '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    ['6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'http://example.com', '8c9ddcb0-8084-5a7f-a988-1095ab18b5df'],
    ['00000000-0000-0000-0000-000000000000', 'my-app', '82f78ed0-4187-552c-957c-f021faba9607'],
  ])('uuid5(%s, %s) = %s', (namespace, name, expected) => {
    expect(uuidV5(name, namespace)).toBe(expected);
  });

  it('is deterministic per entity kind and differs across kinds', () => {
    expect(applicationId('web')).toBe(applicationId('web'));
    expect(applicationId('web')).not.toBe(resourceId('web'));
    expect(packageId('pkg:npm/a@1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rejects a malformed namespace', () => {
    expect(() => uuidV5('x', 'nope')).toThrow(TypeError);
  });
});
