/** The create/edit application dialog: name, type, labels (key=value) and environments, validated before sending. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Dialog, DialogFormActions } from '../../../shared/components/dialog.tsx';
import { ErrorAlert, SelectField, TextField } from '../../../shared/components/form-fields.tsx';
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
      <TextField id="app-name" label="Name" required value={name} onValue={setName} />
      <SelectField id="app-type" label="Type" value={type} options={APPLICATION_TYPES} onValue={setType} />
      <div className="field">
        <label htmlFor="app-labels">Labels</label>
        <textarea id="app-labels" rows={3} value={labels} onChange={(event) => setLabels(event.target.value)} />
        <p className="field__hint">One key=value per line or separated by commas, for example team=payments.</p>
      </div>
      <TextField
        id="app-envs"
        label="Environments"
        value={envs}
        onValue={setEnvs}
        hint="Separated by commas, for example production, staging."
      />
      <ErrorAlert error={problem ?? save.error} />
      <DialogFormActions onCancel={onClose} pending={save.isPending} submitLabel={application ? 'Save' : 'Create'} />
    </form>
  );
}
