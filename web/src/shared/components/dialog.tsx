/** A modal dialog on the native <dialog> element, which traps focus, closes on Escape and restores focus. */
import { type ReactNode, useEffect, useId, useRef } from 'react';

/** Props of Dialog. */
export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Footer buttons, after a Cancel button; without them the body brings its own (a form's submit row). */
  actions?: ReactNode;
}

/** The dialog; its body is rendered only while open. */
export function Dialog({ open, title, onClose, children, actions }: DialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {open ? (
        <div className="dialog__body">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
          {actions ? (
            <div className="dialog__actions">
              <button type="button" className="btn btn--ghost" onClick={onClose}>
                Cancel
              </button>
              {actions}
            </div>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}

/** Props of DialogFormActions. */
export interface DialogFormActionsProps {
  onCancel: () => void;
  /** While the save runs: the submit button is disabled and says "Saving…". */
  pending: boolean;
  /** "Create" for a new item, "Save" for an edit. */
  submitLabel: string;
}

/** The Cancel and submit buttons that end a dialog's form. */
export function DialogFormActions({ onCancel, pending, submitLabel }: DialogFormActionsProps): ReactNode {
  return (
    <div className="dialog__actions">
      <button type="button" className="btn btn--ghost" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn--primary" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
    </div>
  );
}
