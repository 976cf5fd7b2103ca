/** The sign-in form: user name and password, or an API token. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert, TextField } from '../../../shared/components/form-fields.tsx';
import { loginWithPassword, loginWithToken } from '../api/auth.ts';

/** Props of LoginForm. */
export interface LoginFormProps {
  onSignedIn: () => void;
}

/** Two ways in; errors (wrong password, rate limit) are announced in an alert. */
export function LoginForm({ onSignedIn }: LoginFormProps): ReactNode {
  const [mode, setMode] = useState<'password' | 'token'>('password');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'password') await loginWithPassword(name.trim(), password);
      else await loginWithToken(token.trim());
      onSignedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
      {mode === 'password' ? (
        <>
          <TextField
            id="login-name"
            label="User name"
            name="username"
            autoComplete="username"
            required
            value={name}
            onValue={setName}
          />
          <TextField
            id="login-password"
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onValue={setPassword}
          />
        </>
      ) : (
        <TextField
          id="login-token"
          label="API token"
          name="token"
          type="password"
          autoComplete="off"
          required
          value={token}
          onValue={setToken}
          hint="The admin token printed when the server first started works here."
        />
      )}
      <ErrorAlert id="login-error" error={error} />
      <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <button
        type="button"
        className="btn btn--link"
        onClick={() => {
          setMode(mode === 'password' ? 'token' : 'password');
          setError(null);
        }}
      >
        {mode === 'password' ? 'Sign in with an API token instead' : 'Sign in with a user name and password instead'}
      </button>
    </form>
  );
}
