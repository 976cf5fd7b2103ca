/** Create or edit a schedule: name, timing (once, every N hours/days, weekly, cron), time zone, namespaces, CIS. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Dialog, DialogFormActions } from '../../../shared/components/dialog.tsx';
import { CheckField, ErrorAlert, SelectField, TextField } from '../../../shared/components/form-fields.tsx';
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
const DAY_OPTIONS = DAYS.map((value) => ({ value, label: value[0]?.toUpperCase() + value.slice(1) }));

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
      <TextField id="schedule-name" label="Name" required value={name} onValue={setName} />
      <SelectField id="schedule-kind" label="Runs" value={kind} options={KINDS} onValue={setKind} />
      {kind === 'once' ? (
        <TextField id="schedule-at" label="Date and time" type="datetime-local" required value={at} onValue={setAt} />
      ) : null}
      {kind === 'hours' || kind === 'days' ? (
        <TextField
          id="schedule-every"
          label={`Every how many ${kind}`}
          type="number"
          min={1}
          required
          value={every}
          onValue={(value) => setEvery(Math.max(1, Number(value) || 1))}
        />
      ) : null}
      {kind === 'weekly' ? (
        <SelectField id="schedule-day" label="Day" value={day} options={DAY_OPTIONS} onValue={setDay} />
      ) : null}
      {kind === 'days' || kind === 'weekly' ? (
        <TextField id="schedule-time" label="Time of day" type="time" required value={time} onValue={setTime} />
      ) : null}
      {kind === 'cron' ? (
        <TextField
          id="schedule-cron"
          label="Cron expression"
          required
          value={cron}
          onValue={setCron}
          hint="Five fields: minute hour day-of-month month day-of-week, e.g. 0 3 * * 1-5."
        />
      ) : null}
      {kind !== 'hours' ? (
        <TextField
          id="schedule-zone"
          label="Time zone"
          value={timeZone}
          onValue={setTimeZone}
          hint="An IANA name such as Europe/Berlin or UTC."
        />
      ) : null}
      <NamespacePicker label="Namespaces" namespaces={namespaces} selected={selected} onChange={setSelected} />
      <TextField
        id="schedule-exclude"
        label="Exclude namespaces"
        value={exclude}
        onValue={setExclude}
        hint="Separated by commas, for example kube-system."
      />
      <CheckField label="CIS Docker Benchmark checks" checked={cis} onChecked={setCis} />
      <CheckField label="Enabled" checked={enabled} onChecked={setEnabled} />
      <ErrorAlert error={save.error} />
      <DialogFormActions onCancel={onClose} pending={save.isPending} submitLabel={schedule ? 'Save' : 'Create'} />
    </form>
  );
}
