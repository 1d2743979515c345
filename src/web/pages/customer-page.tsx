import type { Route } from '../app/hash-route.js';

export function CustomerPage(_props: { route: Route }) {
  return <div data-testid="customer-page" />;
}
