import type { Route } from '../app/hash-route.js';

export function ForecastPage(_props: { route: Route }) {
  return <div data-testid="forecast-page" />;
}
