/**
 * The signed-in frame: skip link, header (brand, theme, user, sign-out), navigation and the page outlet. Signed-out
 * users are sent to the login page with a link back; a sign-out also empties the query cache.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { logout } from '../../features/auth/api/auth.ts';
import { useSession } from '../../shared/hooks/use-session.ts';
import { routes } from '../../shared/lib/routes.ts';
import { ThemeToggle } from './theme-toggle.tsx';

const NAV: readonly { to: string; label: string; icon: string; end?: boolean }[] = [
  { to: '/', label: 'Dashboard', icon: '◧', end: true },
  { to: '/applications', label: 'Applications', icon: '▦' },
  { to: '/applicationResources', label: 'Resources', icon: '▤' },
  { to: '/packages', label: 'Packages', icon: '▣' },
  { to: '/vulnerabilities', label: 'Vulnerabilities', icon: '⚠' },
  { to: '/runtimeScan', label: 'Runtime scan', icon: '⟳' },
  { to: '/settings', label: 'Settings', icon: '⚙' },
];

/** The layout route. */
export function AppShell(): ReactNode {
  const session = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const queryClient = useQueryClient();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  useEffect(() => {
    if (!session) queryClient.clear();
  }, [session, queryClient]);

  // Move focus to the new page after client-side navigation, as a full page load would (not on first load).
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    main.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  if (!session) return <Navigate to={routes.login(location.pathname + location.search)} replace />;

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Lucent dashboard">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Lucent</span>
        </NavLink>
        <div className="topbar__right">
          <ThemeToggle />
          <span className="user" data-testid="user">
            <span className="user__name">{session.name}</span>
            <span className={`role role--${session.role}`} data-testid="role">
              {session.role}
            </span>
          </span>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => void logout()}>
            {session.token ? 'Sign out' : 'Sign in'}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="sidenav__link">
                <span className="sidenav__icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span>{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="content">
        {navigation.state === 'loading' ? (
          <div className="progress-line" role="progressbar" aria-label="Loading page" />
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
