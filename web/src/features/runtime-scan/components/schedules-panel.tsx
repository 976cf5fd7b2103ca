/** Scheduled scans: list with next and last run, and create, edit, enable/disable and delete (write roles only). */
import { type ReactNode, useEffect, useState } from 'react';
import { Card } from '../../../shared/components/card.tsx';
import { ConfirmButton } from '../../../shared/components/confirm-button.tsx';
import { ErrorAlert } from '../../../shared/components/form-fields.tsx';
import { ACTIONS_HEADER, PlainTable } from '../../../shared/components/plain-table.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useHasRole } from '../../../shared/hooks/use-session.ts';
import { formatDateTime } from '../../../shared/lib/format.ts';
import {
  type Schedule,
  useDeleteSchedule,
  useNamespaces,
  useSchedules,
  useToggleSchedule,
} from '../api/runtime-scan.ts';
import { ScheduleFormDialog } from './schedule-form.tsx';
import { describeSpec } from './schedule-text.ts';

const SCHEDULE_HEADERS = ['Name', 'When', 'Namespaces', 'Next run', 'Last run', 'Enabled'] as const;

/** The panel. */
export function SchedulesPanel(): ReactNode {
  const canEdit = useHasRole('writer');
  const schedules = useSchedules();
  const namespaces = useNamespaces();
  const toggle = useToggleSchedule();
  const remove = useDeleteSchedule();
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  return (
    <Card
      titleId="schedules-title"
      title="Schedules"
      actions={
        canEdit ? (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            New schedule
          </button>
        ) : null
      }
    >
      <ErrorAlert error={toggle.error} />
      <QueryState query={schedules}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No scheduled scans.</p>
          ) : (
            <PlainTable
              caption="Schedules"
              testId="schedules"
              headers={canEdit ? [...SCHEDULE_HEADERS, ACTIONS_HEADER] : SCHEDULE_HEADERS}
            >
              {list.map((schedule) => (
                <tr key={schedule.id}>
                  <td>{schedule.name}</td>
                  <td>
                    {describeSpec(schedule.spec, schedule.timeZone)}
                    {schedule.cis ? <span className="muted"> · CIS</span> : null}
                  </td>
                  <td>
                    {schedule.namespaces.length ? schedule.namespaces.join(', ') : 'all'}
                    {schedule.excludeNamespaces.length ? (
                      <span className="muted"> except {schedule.excludeNamespaces.join(', ')}</span>
                    ) : null}
                  </td>
                  <td>{schedule.nextRunAt ? formatDateTime(schedule.nextRunAt) : '–'}</td>
                  <td>
                    {schedule.lastRunAt
                      ? `${formatDateTime(schedule.lastRunAt)} (${schedule.lastRunStatus ?? '?'})`
                      : 'never'}
                  </td>
                  <td>
                    {canEdit ? (
                      <EnabledToggle
                        schedule={schedule}
                        onToggle={(enabled) => toggle.mutate({ id: schedule.id, enabled })}
                      />
                    ) : schedule.enabled ? (
                      'yes'
                    ) : (
                      'no'
                    )}
                  </td>
                  {canEdit ? (
                    <td className="row-actions">
                      <button type="button" className="btn btn--small" onClick={() => setEditing(schedule)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        className="btn btn--danger btn--small"
                        title="Delete this schedule?"
                        message={<p>{schedule.name} will not run again.</p>}
                        onConfirm={() => remove.mutateAsync(schedule.id)}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </PlainTable>
          )
        }
      </QueryState>
      <ScheduleFormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        schedule={editing && editing !== 'new' ? editing : undefined}
        namespaces={namespaces.data ?? []}
      />
    </Card>
  );
}

/**
 * The enable checkbox. It holds its own state so that a click shows at once, in the same event, rather than after
 * the query cache's optimistic update has been delivered; the server's answer then corrects it if needed.
 */
function EnabledToggle({
  schedule,
  onToggle,
}: {
  schedule: Schedule;
  onToggle: (enabled: boolean) => void;
}): ReactNode {
  const [checked, setChecked] = useState(schedule.enabled);
  useEffect(() => setChecked(schedule.enabled), [schedule.enabled]);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          setChecked(event.target.checked);
          onToggle(event.target.checked);
        }}
      />
      <span className="sr-only">Enable {schedule.name}</span>
    </label>
  );
}
