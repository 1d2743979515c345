import type { Route } from '../app/hash-route.js';

export function PlansPage(_props: { route: Route }) {
  return <div data-testid="plans-page" />;
}
