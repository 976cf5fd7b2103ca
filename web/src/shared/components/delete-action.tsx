/** The Delete button of a detail page (admins only): asks first, deletes, then returns to the list. */
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmButton } from './confirm-button.tsx';
import { RoleGate } from './role-gate.tsx';

/** Props of DeleteAction. */
export interface DeleteActionProps {
  /** The confirmation dialog's title ("Delete this resource?"). */
  title: string;
  /** What the deletion takes with it. */
  message: ReactNode;
  onDelete: () => Promise<unknown>;
  /** Where to go once deleted (the list the item was in); replaces the gone page in the history. */
  listPath: string;
}

/** The button and its confirmation; hidden below the admin role. */
export function DeleteAction({ title, message, onDelete, listPath }: DeleteActionProps): ReactNode {
  const navigate = useNavigate();
  return (
    <RoleGate atLeast="admin">
      <ConfirmButton
        label="Delete"
        title={title}
        message={message}
        onConfirm={async () => {
          await onDelete();
          navigate(listPath, { replace: true });
        }}
      />
    </RoleGate>
  );
}
