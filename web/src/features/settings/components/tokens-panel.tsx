/** API tokens (admins): list with last use, create (the secret is shown once) and revoke. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
import { ROLES, type Role } from '../../../shared/api/session.ts';
import { ConfirmButton } from '../../../shared/components/confirm-button.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { formatDateTime } from '../../../shared/lib/format.ts';
import { useCreateToken, useDeleteToken, useTokens } from '../api/settings.ts';

/** The panel. */
export function TokensPanel(): ReactNode {
  const tokens = useTokens(true);
  const create = useCreateToken();
  const revoke = useDeleteToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('writer');
  const [expires, setExpires] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), role, expiresAt: expires ? new Date(expires).toISOString() : null },
      { onSuccess: () => setName('') },
    );
  };
  return (
    <div className="stack">
      <section className="card" aria-labelledby="new-token-title">
        <h2 id="new-token-title">New API token</h2>
        <form className="inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="token-name">Name</label>
            <input id="token-name" required value={name} onChange={(event) => setName(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="token-role">Role</label>
            <select id="token-role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="token-expires">Expires (optional)</label>
            <input
              id="token-expires"
              type="datetime-local"
              value={expires}
              onChange={(event) => setExpires(event.target.value)}
            />
          </div>
          <button type="submit" className="btn btn--primary" disabled={create.isPending}>
            Create token
          </button>
        </form>
        {create.error ? (
          <p role="alert" className="state state--error">
            {errorMessage(create.error)}
          </p>
        ) : null}
        {create.data ? (
          <div role="status" className="state state--ok secret">
            <p>
              Token <strong>{create.data.name}</strong> created. Copy it now: it is not shown again.
            </p>
            <code className="pre" data-testid="new-token">
              {create.data.token}
            </code>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void navigator.clipboard?.writeText(create.data.token)}
            >
              Copy
            </button>
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Tokens</h2>
        <QueryState query={tokens}>
          {(list) => (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="sr-only">Tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Created</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((token) => (
                    <tr key={token.id}>
                      <td>{token.name}</td>
                      <td>{token.role}</td>
                      <td>{token.kind === 'session' ? 'sign-in session' : 'API'}</td>
                      <td>{formatDateTime(token.createdAt)}</td>
                      <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'never'}</td>
                      <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</td>
                      <td>
                        <ConfirmButton
                          label="Revoke"
                          className="btn btn--danger btn--small"
                          title="Revoke this token?"
                          message={<p>Anything using {token.name} will get 401 from now on.</p>}
                          onConfirm={() => revoke.mutateAsync(token.id)}
                        />
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
