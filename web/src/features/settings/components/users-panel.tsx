/** Users (admins): list, create with a role and password, change role, reset password, delete. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { ROLES, type Role } from '../../../shared/api/session.ts';
import { Card } from '../../../shared/components/card.tsx';
import { ConfirmButton } from '../../../shared/components/confirm-button.tsx';
import { ErrorAlert, SelectField, TextField } from '../../../shared/components/form-fields.tsx';
import { ACTIONS_HEADER, PlainTable } from '../../../shared/components/plain-table.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useSession } from '../../../shared/hooks/use-session.ts';
import { formatDateTime } from '../../../shared/lib/format.ts';
import { useCreateUser, useDeleteUser, useUpdateUser, useUsers } from '../api/settings.ts';

/** Passwords need at least 12 characters (the server's rule). */
const MIN_PASSWORD = 12;

const USER_HEADERS = ['Name', 'Role', 'Created', ACTIONS_HEADER] as const;

/** The panel. */
export function UsersPanel(): ReactNode {
  const users = useUsers(true);
  const create = useCreateUser();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const me = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), password, role },
      {
        onSuccess: () => {
          setName('');
          setPassword('');
        },
      },
    );
  };
  return (
    <div className="stack">
      <Card titleId="new-user-title" title="New user">
        <form className="inline-form" onSubmit={submit}>
          <TextField id="user-name" label="User name" required autoComplete="off" value={name} onValue={setName} />
          <TextField
            id="user-password"
            label="Password"
            type="password"
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
            hint={`At least ${MIN_PASSWORD} characters.`}
            hintId="user-password-hint"
          />
          <SelectField id="user-role" label="Role" value={role} options={ROLES} onValue={setRole} />
          <button type="submit" className="btn btn--primary" disabled={create.isPending}>
            Create user
          </button>
        </form>
        <ErrorAlert error={create.error} />
      </Card>
      <Card titleId="users-title" title="Users">
        <ErrorAlert error={update.error ?? remove.error} />
        <QueryState query={users}>
          {(list) => (
            <PlainTable caption="Users" headers={USER_HEADERS}>
              {list.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>
                    <label className="sr-only" htmlFor={`role-${user.id}`}>
                      Role of {user.name}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      value={user.role}
                      disabled={user.name === me?.name}
                      onChange={(event) => update.mutate({ name: user.name, role: event.target.value as Role })}
                    >
                      {ROLES.map((value) => (
                        <option key={value} value={value}>
                          {value}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{formatDateTime(user.createdAt)}</td>
                  <td>
                    {user.name === me?.name ? (
                      <span className="muted">you</span>
                    ) : (
                      <ConfirmButton
                        label="Delete"
                        className="btn btn--danger btn--small"
                        title="Delete this user?"
                        message={<p>{user.name} will no longer be able to sign in.</p>}
                        onConfirm={() => remove.mutateAsync(user.name)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </PlainTable>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
