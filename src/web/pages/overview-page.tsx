import type { Route } from '../app/hash-route.js';

export function OverviewPage(_props: { route: Route }) {
  return <div data-testid="overview-page" />;
}
