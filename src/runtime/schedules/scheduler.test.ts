import { afterEach, describe, expect, it } from 'vitest';
import { type ManualClock, manualClock } from './clock.ts';
import { createScheduleService } from './schedule-service.ts';
import { memoryScheduleStore, type ScheduleStore } from './schedule-store.ts';
import { type Scheduler, startScheduler } from './scheduler.ts';
import type { Schedule } from './spec.ts';

const START = Date.parse('2025-03-28T12:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

/** Lets the loop's promises settle (no real time passes for the schedules). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

function setup(store: ScheduleStore = memoryScheduleStore(), clock: ManualClock = manualClock(START)) {
  const fired: string[] = [];
  let release: (() => void) | undefined;
  const options = { hold: false, busy: false };
  scheduler = startScheduler({
    store,
    clock,
    pollMs: 24 * HOUR,
    busy: () => options.busy,
    run: async (schedule: Schedule) => {
      fired.push(`${schedule.name}@${iso(clock.now())}`);
      if (options.hold) await new Promise<void>((resolve) => (release = resolve));
      return 'done';
    },
  });
  const service = createScheduleService(store, clock, () => scheduler?.wake());
  /** Moves the clock in steps, letting the loop fire what is due at each step. */
  async function walk(until: number, step = 15 * 60_000): Promise<void> {
    await settle();
    while (clock.now() < until) {
      clock.advance(Math.min(step, until - clock.now()));
      await settle();
    }
  }
  return { fired, service, clock, store, walk, options, release: () => release?.() };
}

describe('scheduler', () => {
  it('fires every kind at its times, in its zone', async () => {
    const { fired, service, walk } = setup();
    const base = { timeZone: 'Europe/Berlin', namespaces: [] };
    await service.create({ ...base, name: 'now', spec: { kind: 'now' } });
    await service.create({ ...base, name: 'once', spec: { kind: 'once', at: '2025-03-30T02:30' } });
    await service.create({ ...base, name: '6h', spec: { kind: 'hours', every: 6 } });
    await service.create({ ...base, name: 'daily', spec: { kind: 'days', every: 1, at: '02:30' } });
    await service.create({ ...base, name: 'weekly', spec: { kind: 'weekly', day: 'sunday', at: '04:00' } });
    await service.create({ ...base, name: 'cron', spec: { kind: 'cron', expression: '0 8 * * 1' } });
    await walk(START + 3 * 24 * HOUR);
    expect(fired).toEqual([
      'now@2025-03-28T12:00:00Z',
      '6h@2025-03-28T12:00:00Z',
      '6h@2025-03-28T18:00:00Z',
      '6h@2025-03-29T00:00:00Z',
      'daily@2025-03-29T01:30:00Z',
      '6h@2025-03-29T06:00:00Z',
      '6h@2025-03-29T12:00:00Z',
      '6h@2025-03-29T18:00:00Z',
      '6h@2025-03-30T00:00:00Z',
      // 02:30 does not exist on 30 March in Berlin: both run when the clocks land on 03:00 CEST.
      'daily@2025-03-30T01:00:00Z',
      'once@2025-03-30T01:00:00Z',
      'weekly@2025-03-30T02:00:00Z',
      '6h@2025-03-30T06:00:00Z',
      '6h@2025-03-30T12:00:00Z',
      '6h@2025-03-30T18:00:00Z',
      '6h@2025-03-31T00:00:00Z',
      'daily@2025-03-31T00:30:00Z',
      '6h@2025-03-31T06:00:00Z',
      'cron@2025-03-31T06:00:00Z',
      '6h@2025-03-31T12:00:00Z',
    ]);
    const list = await service.list();
    // Listed by creation time, then name (all six were created at the same instant).
    expect(list.map((s) => [s.name, s.nextRunAt, s.lastRunStatus])).toEqual([
      ['6h', '2025-03-31T18:00:00.000Z', 'done'],
      ['cron', '2025-04-07T06:00:00.000Z', 'done'],
      ['daily', '2025-04-01T00:30:00.000Z', 'done'],
      ['now', undefined, 'done'],
      ['once', undefined, 'done'],
      ['weekly', '2025-04-06T02:00:00.000Z', 'done'],
    ]);
  });

  it('never overlaps runs: a schedule due during a run waits, then runs once', async () => {
    const { fired, service, walk, options, release, clock } = setup();
    options.hold = true;
    await service.create({ name: 'a', spec: { kind: 'hours', every: 1 } });
    await service.create({ name: 'b', spec: { kind: 'hours', every: 1 } });
    await walk(START + 3 * HOUR);
    // "a" started at 12:00 and is still running three hours later; "b" has been waiting since 12:00.
    expect(fired).toEqual(['a@2025-03-28T12:00:00Z']);
    release();
    await settle();
    expect(fired).toEqual(['a@2025-03-28T12:00:00Z', 'b@2025-03-28T15:00:00Z']);
    release();
    await settle();
    // "a" was due at 13:00, 14:00 and 15:00 while it ran: that is one run now, not three.
    expect(fired.slice(2)).toEqual(['a@2025-03-28T15:00:00Z']);
    options.hold = false;
    release();
    await walk(clock.now() + HOUR);
    expect(fired.slice(3)).toEqual(['a@2025-03-28T16:00:00Z', 'b@2025-03-28T16:00:00Z']);
  });

  it('waits while a scan started by hand runs', async () => {
    const { fired, service, walk, options } = setup();
    options.busy = true;
    await service.create({ name: 'a', spec: { kind: 'hours', every: 1 } });
    await walk(START + 2 * HOUR);
    expect(fired).toEqual([]);
    options.busy = false;
    scheduler?.wake();
    await settle();
    expect(fired).toEqual(['a@2025-03-28T14:00:00Z']);
  });

  it('stops firing disabled and deleted schedules, and picks up re-enabled ones', async () => {
    const { fired, service, walk } = setup();
    const a = await service.create({ name: 'a', spec: { kind: 'hours', every: 2 } });
    const b = await service.create({ name: 'b', spec: { kind: 'hours', every: 2 } });
    await walk(START + 60_000);
    expect(fired).toEqual(['a@2025-03-28T12:00:00Z', 'b@2025-03-28T12:00:00Z']);
    expect((await service.patch(a.id, { enabled: false }))?.nextRunAt).toBeUndefined();
    expect(await service.remove(b.id)).toBe(true);
    await walk(START + 5 * HOUR);
    expect(fired).toHaveLength(2);
    // Re-enabling keeps the anchor: the next run is on the 2-hour grid from 12:00.
    expect((await service.patch(a.id, { enabled: true }))?.nextRunAt).toBe('2025-03-28T18:00:00.000Z');
    await walk(START + 6 * HOUR);
    expect(fired.slice(2)).toEqual(['a@2025-03-28T18:00:00Z']);
    expect(await service.remove(b.id)).toBe(false);
  });

  it('validates schedules and reports every problem', async () => {
    const { service } = setup();
    await expect(
      service.create({ name: '', spec: { kind: 'days', every: 0, at: '24:00' }, timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow(
      'invalid schedule: name: Too small: expected string to have >=1 characters; spec.every: Too small: expected number to be >=1; spec.at: a time of day is HH:MM, 00:00 to 23:59; timeZone: not a known IANA time zone (e.g. Europe/Berlin, UTC)',
    );
    await expect(service.create({ name: 'x', spec: { kind: 'cron', expression: '61 * * * *' } })).rejects.toThrow(
      'spec.expression: not a valid cron expression',
    );
  });

  it('survives a restart: a run missed while down runs once at start-up', async () => {
    const store = memoryScheduleStore();
    const clock = manualClock(START);
    const first = setup(store, clock);
    await first.service.create({ name: 'daily', spec: { kind: 'days', every: 1, at: '06:00' }, timeZone: 'UTC' });
    await first.walk(START + 24 * HOUR);
    expect(first.fired).toEqual(['daily@2025-03-29T06:00:00Z']);
    await scheduler?.stop();
    // Down for three days: three runs were missed.
    clock.advance(3 * 24 * HOUR + 2 * HOUR);
    const second = setup(store, clock);
    await second.walk(clock.now() + 60_000);
    expect(second.fired).toEqual(['daily@2025-04-01T14:00:00Z']);
    expect((await second.service.list())[0]?.nextRunAt).toBe('2025-04-02T06:00:00.000Z');
  });
});
