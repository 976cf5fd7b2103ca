import { describe, expect, it } from 'vitest';
import { JOB_KINDS } from './job-kinds.ts';

describe('job kinds registry', () => {
  it('lists each kind once, with a name pg-boss can use as a queue', () => {
    const names = JOB_KINDS.map((kind) => kind.kind);
    expect(names).toEqual(['rematch-plan', 'rematch-resource', 'runtime-image-scan']);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]{0,62}$/);
  });

  it('gives every kind retries, a time limit, and planning one job at a time under a singleton key', () => {
    for (const kind of JOB_KINDS) {
      expect(kind.defaults.retryLimit, kind.kind).toBeGreaterThanOrEqual(1);
      expect(kind.defaults.timeoutSeconds, kind.kind).toBeGreaterThanOrEqual(60);
    }
    const plan = JOB_KINDS.find((kind) => kind.kind === 'rematch-plan');
    expect(plan?.defaults.singleton).toBe(true);
    expect(plan?.maxConcurrency).toBe(1);
  });

  it('rejects payloads that are not the kind’s', () => {
    const resource = JOB_KINDS.find((kind) => kind.kind === 'rematch-resource');
    expect(resource?.payload.safeParse({ runId: 'x', resourceId: 'y' }).success).toBe(false);
    const ok = { runId: '00000000-0000-5000-8000-000000000001', resourceId: '00000000-0000-5000-8000-000000000002' };
    expect(resource?.payload.safeParse(ok).success).toBe(true);
    const plan = JOB_KINDS.find((kind) => kind.kind === 'rematch-plan');
    expect(plan?.payload.parse({ trigger: 'api' })).toEqual({ trigger: 'api', force: false });
    expect(plan?.payload.safeParse({ trigger: 'cron' }).success).toBe(false);
  });
});
