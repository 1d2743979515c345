import type { Route } from '../app/hash-route.js';

export function CustomersPage(_props: { route: Route }) {
  return <div data-testid="customers-page" />;
}
