import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { navItems } from '../features/access/navigation.ts';
import { RequireSession } from '../features/access/require-session.tsx';
import { UserMenu } from '../features/access/user-menu.tsx';
import { NotificationsBell } from '../features/notifications/notifications-bell.tsx';
import { getHealth } from '../lib/api.ts';
import { useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

function ServerStatus() {
  const [health] = useResource('health', getHealth);
  if (health.status === 'loading') return <span>Checking server…</span>;
  if (health.status === 'error') return <span className="status-bad">Server unreachable</span>;
  return (
    <span>Server ok · database {health.data.database === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}</span>
  );
}

function MainNav() {
  const items = navItems(useSignedInSession());
  return (
    <nav aria-label="Main" className="main-nav">
      <div className="container">
        {items.map((item) => (
          // `end` on home: every path starts with "/", and only "/" itself is the state overview.
          <NavLink key={item.to} to={item.to} end={item.to === '/' || /^\/districts\/\d+$/.test(item.to)}>
            {item.label}
          </NavLink>
        ))}
      </div>
    </nav>
  );
}

function SignedInFrame() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  // After client-side navigation, move focus to the new content so keyboard and screen-reader users
  // start there (as after a full page load). Only path changes: filters update the query string.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    main.current?.focus();
  }, [pathname]);
  return (
    <>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{PRODUCT_NAME}</span>
            <span className="brand-state">{STATE_NAME} statewide student data</span>
          </Link>
          <div className="header-tools">
            <NotificationsBell />
            <UserMenu />
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main" className="container" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </>
  );
}

/**
 * The page frame of signed-in pages: skip link, header with product, state, notifications and the user,
 * navigation for the user's roles, main content, footer with server status.
 */
export function RootLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <RequireSession>
        <SignedInFrame />
      </RequireSession>
      <footer className="site-footer">
        <div className="container">
          <ServerStatus />
        </div>
      </footer>
    </>
  );
}
