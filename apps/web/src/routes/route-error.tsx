import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when rendering a route throws: a bug, so say so plainly and offer a way back. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main id="main" className="container">
      <h1>Something went wrong</h1>
      <div className="alert" role="alert">
        <p className="alert-title">The page failed to display.</p>
        <p>
          <code>{message}</code>
        </p>
      </div>
      <p>
        <Link to="/">Back to the state overview</Link>
      </p>
    </main>
  );
}
