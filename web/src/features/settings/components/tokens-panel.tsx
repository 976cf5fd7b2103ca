/** API tokens (admins): list with last use, create (the secret is shown once) and revoke. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { ROLES, type Role } from '../../../shared/api/session.ts';
import { Card } from '../../../shared/components/card.tsx';
import { ConfirmButton } from '../../../shared/components/confirm-button.tsx';
import { ErrorAlert, SelectField, TextField } from '../../../shared/components/form-fields.tsx';
import { ACTIONS_HEADER, PlainTable } from '../../../shared/components/plain-table.tsx';
import { QueryState } from '../../../shared/components/query-state.tsx';
import { formatDateTime } from '../../../shared/lib/format.ts';
import { useCreateToken, useDeleteToken, useTokens } from '../api/settings.ts';

const TOKEN_HEADERS = ['Name', 'Role', 'Kind', 'Created', 'Expires', 'Last used', ACTIONS_HEADER] as const;

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
      <Card titleId="new-token-title" title="New API token">
        <form className="inline-form" onSubmit={submit}>
          <TextField id="token-name" label="Name" required value={name} onValue={setName} />
          <SelectField id="token-role" label="Role" value={role} options={ROLES} onValue={setRole} />
          <TextField
            id="token-expires"
            label="Expires (optional)"
            type="datetime-local"
            value={expires}
            onValue={setExpires}
          />
          <button type="submit" className="btn btn--primary" disabled={create.isPending}>
            Create token
          </button>
        </form>
        <ErrorAlert error={create.error} />
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
      </Card>
      <Card titleId="tokens-title" title="Tokens">
        <QueryState query={tokens}>
          {(list) => (
            <PlainTable caption="Tokens" headers={TOKEN_HEADERS}>
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
            </PlainTable>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
