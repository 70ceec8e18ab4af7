import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { getHealth } from '../lib/api.ts';
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

/** The page frame: skip link, header with product and state, main content, footer with server status. */
export function RootLayout() {
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
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{PRODUCT_NAME}</span>
            <span className="brand-state">{STATE_NAME} statewide student data</span>
          </Link>
          <nav aria-label="Main">
            <Link to="/">State overview</Link>
            <Link to="/findings">Findings</Link>
            <Link to="/templates">Upload templates</Link>
            <Link to="/identity-reviews">Identity reviews</Link>
          </nav>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <ServerStatus />
        </div>
      </footer>
    </>
  );
}
