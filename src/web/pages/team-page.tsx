import type { Route } from '../app/hash-route.js';

export function TeamPage(_props: { route: Route }) {
  return <div data-testid="team-page" />;
}
