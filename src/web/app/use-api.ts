/** Loads an API resource for a component: data, the failure if any, and a way to load it again. */
import { useCallback, useEffect, useState } from 'react';
import { apiGet, asFailure, type ApiFailure, type Query } from './api-client.js';
import { useLang } from './i18n.js';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiFailure | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useApi<T>(path: string | null, query: Query = {}): Loaded<T> {
  const { lang } = useLang();
  const [state, setState] = useState<{ data: T | null; error: ApiFailure | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    apiGet<T>(path, JSON.parse(key) as Query, lang)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => live && setState({ data: null, error: asFailure(error), loading: false }));
    return () => {
      live = false;
    };
  }, [path, key, lang, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
