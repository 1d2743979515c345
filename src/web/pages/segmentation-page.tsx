import type { Route } from '../app/hash-route.js';

export function SegmentationPage(_props: { route: Route }) {
  return <div data-testid="segmentation-page" />;
}
