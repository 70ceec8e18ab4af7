import { Outlet } from 'react-router';
import { PRODUCT_NAME, STATE_NAME } from '../lib/state.ts';

/** The frame of the pages used signed out (sign-in, password reset): brand only, no navigation. */
export function PublicLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <span className="brand">
            <span className="brand-name">{PRODUCT_NAME}</span>
            <span className="brand-state">{STATE_NAME} statewide student data</span>
          </span>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
