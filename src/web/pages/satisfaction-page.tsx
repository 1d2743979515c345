import type { Route } from '../app/hash-route.js';

export function SatisfactionPage(_props: { route: Route }) {
  return <div data-testid="satisfaction-page" />;
}
