/** A button that asks for confirmation in a dialog before a destructive action. */
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { Dialog } from './dialog.tsx';

/** Props of ConfirmButton. */
export interface ConfirmButtonProps {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown>;
  className?: string;
}

/** The button and its dialog; errors from `onConfirm` stay in the dialog. */
export function ConfirmButton(props: ConfirmButtonProps): ReactNode {
  const { label, title, message, confirmLabel = label, onConfirm, className = 'btn btn--danger' } = props;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog
        open={open}
        title={title}
        onClose={() => setOpen(false)}
        actions={
          <button type="button" className="btn btn--danger" onClick={confirm} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        }
      >
        <div>{message}</div>
        {error ? (
          <p role="alert" className="state state--error">
            {errorMessage(error)}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
