import type { Route } from '../app/hash-route.js';

export function ChurnPage(_props: { route: Route }) {
  return <div data-testid="churn-page" />;
}
