import type { Route } from '../app/hash-route.js';

export function FunnelPage(_props: { route: Route }) {
  return <div data-testid="funnel-page" />;
}
