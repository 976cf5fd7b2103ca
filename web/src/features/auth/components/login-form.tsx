/** The sign-in form: user name and password, or an API token. */
import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error.ts';
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
          <div className="field">
            <label htmlFor="login-name">User name</label>
            <input
              id="login-name"
              name="username"
              autoComplete="username"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor="login-token">API token</label>
          <input
            id="login-token"
            name="token"
            type="password"
            autoComplete="off"
            required
            value={token}
            onChange={(event) => setToken(event.target.value)}
          />
          <p className="field__hint">The admin token printed when the server first started works here.</p>
        </div>
      )}
      {error ? (
        <p id="login-error" role="alert" className="state state--error">
          {errorMessage(error)}
        </p>
      ) : null}
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
