import { Link } from 'react-router';
import { PRODUCT_NAME } from '../lib/state.ts';

/** Any URL the app does not know. */
export function NotFoundPage() {
  return (
    <>
      <title>{`Page not found · ${PRODUCT_NAME}`}</title>
      <h1>Page not found</h1>
      <p>
        This address does not match a page. Go to the <Link to="/">state overview</Link>.
      </p>
    </>
  );
}
