/** Create or edit a schedule: name, timing (once, every N hours/days, weekly, cron), time zone, namespaces, CIS. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { Dialog } from '../../../shared/components/dialog.tsx';
import { type Schedule, type ScheduleInput, type ScheduleSpec, useSaveSchedule } from '../api/runtime-scan.ts';
import { NamespacePicker } from './namespace-picker.tsx';
import { specOf, type Weekday } from './schedule-text.ts';

const KINDS: readonly { value: ScheduleSpec['kind']; label: string }[] = [
  { value: 'once', label: 'Once, at a time' },
  { value: 'hours', label: 'Every N hours' },
  { value: 'days', label: 'Every N days at a time' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'cron', label: 'Cron expression' },
];

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The browser's time zone, the natural default for a person picking times. */
function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Props of ScheduleFormDialog. */
export interface ScheduleFormDialogProps {
  open: boolean;
  onClose: () => void;
  schedule?: Schedule;
  namespaces: readonly string[];
}

/** The dialog. */
export function ScheduleFormDialog(props: ScheduleFormDialogProps): ReactNode {
  return (
    <Dialog open={props.open} title={props.schedule ? 'Edit schedule' : 'New schedule'} onClose={props.onClose}>
      {props.open ? <ScheduleForm {...props} /> : null}
    </Dialog>
  );
}

function ScheduleForm({ onClose, schedule, namespaces }: ScheduleFormDialogProps): ReactNode {
  const save = useSaveSchedule();
  const spec = schedule?.spec;
  const [name, setName] = useState(schedule?.name ?? '');
  const [kind, setKind] = useState<ScheduleSpec['kind']>(spec && spec.kind !== 'now' ? spec.kind : 'days');
  const [at, setAt] = useState(spec?.kind === 'once' ? spec.at.slice(0, 16) : '');
  const [time, setTime] = useState(spec?.kind === 'days' || spec?.kind === 'weekly' ? spec.at : '03:00');
  const [every, setEvery] = useState(spec?.kind === 'hours' || spec?.kind === 'days' ? spec.every : 1);
  const [day, setDay] = useState<Weekday>(spec?.kind === 'weekly' ? spec.day : 'monday');
  const [cron, setCron] = useState(spec?.kind === 'cron' ? spec.expression : '0 3 * * *');
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? localZone());
  const [selected, setSelected] = useState<string[]>(schedule?.namespaces ?? []);
  const [exclude, setExclude] = useState((schedule?.excludeNamespaces ?? []).join(', '));
  const [cis, setCis] = useState(schedule?.cis ?? false);
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ScheduleInput = {
      name: name.trim(),
      spec: specOf(kind, { at, time, every, day, cron }),
      timeZone: timeZone.trim() || 'UTC',
      namespaces: selected,
      excludeNamespaces: exclude
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
      enabled,
      cis,
    };
    save.mutate({ id: schedule?.id, input }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor="schedule-name">Name</label>
        <input id="schedule-name" required value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="schedule-kind">Runs</label>
        <select
          id="schedule-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as ScheduleSpec['kind'])}
        >
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {kind === 'once' ? (
        <div className="field">
          <label htmlFor="schedule-at">Date and time</label>
          <input
            id="schedule-at"
            type="datetime-local"
            required
            value={at}
            onChange={(event) => setAt(event.target.value)}
          />
        </div>
      ) : null}
      {kind === 'hours' || kind === 'days' ? (
        <div className="field">
          <label htmlFor="schedule-every">Every how many {kind}</label>
          <input
            id="schedule-every"
            type="number"
            min={1}
            required
            value={every}
            onChange={(event) => setEvery(Math.max(1, Number(event.target.value) || 1))}
          />
        </div>
      ) : null}
      {kind === 'weekly' ? (
        <div className="field">
          <label htmlFor="schedule-day">Day</label>
          <select id="schedule-day" value={day} onChange={(event) => setDay(event.target.value as Weekday)}>
            {DAYS.map((value) => (
              <option key={value} value={value}>
                {value[0]?.toUpperCase() + value.slice(1)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind === 'days' || kind === 'weekly' ? (
        <div className="field">
          <label htmlFor="schedule-time">Time of day</label>
          <input
            id="schedule-time"
            type="time"
            required
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
        </div>
      ) : null}
      {kind === 'cron' ? (
        <div className="field">
          <label htmlFor="schedule-cron">Cron expression</label>
          <input id="schedule-cron" required value={cron} onChange={(event) => setCron(event.target.value)} />
          <p className="field__hint">Five fields: minute hour day-of-month month day-of-week, e.g. 0 3 * * 1-5.</p>
        </div>
      ) : null}
      {kind !== 'hours' ? (
        <div className="field">
          <label htmlFor="schedule-zone">Time zone</label>
          <input id="schedule-zone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} />
          <p className="field__hint">An IANA name such as Europe/Berlin or UTC.</p>
        </div>
      ) : null}
      <NamespacePicker label="Namespaces" namespaces={namespaces} selected={selected} onChange={setSelected} />
      <div className="field">
        <label htmlFor="schedule-exclude">Exclude namespaces</label>
        <input id="schedule-exclude" value={exclude} onChange={(event) => setExclude(event.target.value)} />
        <p className="field__hint">Separated by commas, for example kube-system.</p>
      </div>
      <label className="check">
        <input type="checkbox" checked={cis} onChange={(event) => setCis(event.target.checked)} />
        CIS Docker Benchmark checks
      </label>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        Enabled
      </label>
      {save.error ? (
        <p role="alert" className="state state--error">
          {errorMessage(save.error)}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : schedule ? 'Save' : 'Create'}
        </button>
      </div>
    </form>
  );
}
