import type { Route } from '../app/hash-route.js';

export function ReportsPage(_props: { route: Route }) {
  return <div data-testid="reports-page" />;
}
