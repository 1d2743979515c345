import type { Route } from '../app/hash-route.js';

export function ImportPage(_props: { route: Route }) {
  return <div data-testid="import-page" />;
}
