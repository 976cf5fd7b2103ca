/** The login page: a centred card; after sign-in it returns to the page the user came from. */
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { getEndReason } from '../../../shared/api/session.ts';
import { useSession } from '../../../shared/hooks/use-session.ts';
import { anonymousReadAllowed, browseAnonymously } from '../api/auth.ts';
import { LoginForm } from '../components/login-form.tsx';

/** Only same-site paths are followed after sign-in (an open redirect would be a phishing aid). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** The page component. */
export function LoginPage(): ReactNode {
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const reason = getEndReason();
  const anonymous = useQuery({ queryKey: ['auth', 'anonymous'], queryFn: anonymousReadAllowed, enabled: !session });
  useEffect(() => {
    document.title = 'Sign in · Lucent';
  }, []);
  if (session) return <Navigate to={next} replace />;
  return (
    <main className="login" id="main">
      <div className="login__card">
        <h1 className="login__brand">
          <span className="brand-mark" aria-hidden="true" /> Lucent
        </h1>
        <p className="login__lead">Sign in to see your images, packages and vulnerabilities.</p>
        {reason === 'expired' ? (
          <p className="state state--info" role="status">
            Your session ended. Please sign in again.
          </p>
        ) : null}
        <LoginForm onSignedIn={() => navigate(next, { replace: true })} />
        {anonymous.data ? (
          <p className="login__anonymous">
            <button
              type="button"
              className="btn btn--ghost btn--block"
              onClick={() => {
                browseAnonymously();
                navigate(next, { replace: true });
              }}
            >
              Browse without signing in (read only)
            </button>
          </p>
        ) : null}
      </div>
    </main>
  );
}
