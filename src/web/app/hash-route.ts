/** The page and its parameters live in the URL hash (#/customers?tier=strategic), so every view can be linked and reloaded. */
import { useEffect, useState } from 'react';

export interface Route {
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?');
  return { path, params: Object.fromEntries(new URLSearchParams(search)) };
}

export function href(path: string, params: Readonly<Record<string, string | number | undefined | null>> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, params: Readonly<Record<string, string | number | undefined | null>> = {}): void {
  window.location.hash = href(path, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
