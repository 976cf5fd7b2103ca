/** Users (admins): list, create with a role and password, change role, reset password, delete. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { ROLES, type Role } from '../../../shared/api/session.ts';
import { ConfirmButton } from '../../../shared/components/confirm-button.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { useSession } from '../../../shared/hooks/use-session.ts';
import { formatDateTime } from '../../../shared/lib/format.ts';
import { useCreateUser, useDeleteUser, useUpdateUser, useUsers } from '../api/settings.ts';

/** Passwords need at least 12 characters (the server's rule). */
const MIN_PASSWORD = 12;

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
      <section className="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">New user</h2>
        <form className="inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="user-name">User name</label>
            <input
              id="user-name"
              required
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="user-password">Password</label>
            <input
              id="user-password"
              type="password"
              required
              minLength={MIN_PASSWORD}
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-describedby="user-password-hint"
            />
            <p id="user-password-hint" className="field__hint">
              At least {MIN_PASSWORD} characters.
            </p>
          </div>
          <div className="field">
            <label htmlFor="user-role">Role</label>
            <select id="user-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn--primary" disabled={create.isPending}>
            Create user
          </button>
        </form>
        {create.error ? (
          <p role="alert" className="state state--error">
            {errorMessage(create.error)}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        {update.error || remove.error ? (
          <p role="alert" className="state state--error">
            {errorMessage(update.error ?? remove.error)}
          </p>
        ) : null}
        <QueryState query={users}>
          {(list) => (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="sr-only">Users</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
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
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>
    </div>
  );
}
