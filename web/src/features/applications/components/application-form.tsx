/** The create/edit application dialog: name, type, labels (key=value) and environments, validated before sending. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { Dialog } from '../../../shared/components/dialog.tsx';
import { APPLICATION_TYPES, type Application, type ApplicationType, useSaveApplication } from '../api/applications.ts';
import { badLabels, splitList } from './label-input.ts';

/** Props of ApplicationFormDialog. */
export interface ApplicationFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** The application to edit; absent to create one. */
  application?: Application;
  onSaved?: () => void;
}

/** The dialog. */
export function ApplicationFormDialog({ open, onClose, application, onSaved }: ApplicationFormDialogProps): ReactNode {
  return (
    <Dialog open={open} title={application ? 'Edit application' : 'New application'} onClose={onClose}>
      {open ? <ApplicationForm application={application} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function ApplicationForm({ application, onClose, onSaved }: Omit<ApplicationFormDialogProps, 'open'>): ReactNode {
  const save = useSaveApplication();
  const [name, setName] = useState(application?.applicationName ?? '');
  const [type, setType] = useState<ApplicationType>(application?.applicationType ?? 'POD');
  const [labels, setLabels] = useState((application?.labels ?? []).join('\n'));
  const [envs, setEnvs] = useState((application?.environments ?? []).join(', '));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const labelList = splitList(labels);
    const bad = badLabels(labelList);
    if (!name.trim()) return setProblem('Give the application a name.');
    if (bad.length > 0) return setProblem(`Labels must look like key=value: ${bad.join(', ')}`);
    setProblem(null);
    save.mutate(
      { id: application?.id, input: { name: name.trim(), type, labels: labelList, environments: splitList(envs) } },
      {
        onSuccess: () => {
          onSaved?.();
          onClose?.();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} id="application-form" noValidate>
      <div className="field">
        <label htmlFor="app-name">Name</label>
        <input id="app-name" required value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="app-type">Type</label>
        <select id="app-type" value={type} onChange={(event) => setType(event.target.value as ApplicationType)}>
          {APPLICATION_TYPES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="app-labels">Labels</label>
        <textarea id="app-labels" rows={3} value={labels} onChange={(event) => setLabels(event.target.value)} />
        <p className="field__hint">One key=value per line or separated by commas, for example team=payments.</p>
      </div>
      <div className="field">
        <label htmlFor="app-envs">Environments</label>
        <input id="app-envs" value={envs} onChange={(event) => setEnvs(event.target.value)} />
        <p className="field__hint">Separated by commas, for example production, staging.</p>
      </div>
      {problem || save.error ? (
        <p role="alert" className="state state--error">
          {problem ?? errorMessage(save.error)}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : application ? 'Save' : 'Create'}
        </button>
      </div>
    </form>
  );
}
