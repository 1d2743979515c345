/**
 * State the server keeps beside a store (caches, work in flight, sign-in
 * failures, import progress): made on first use, and gone with the store,
 * so two apps on two stores in one process never share it.
 */
export function perStore<T>(make: () => T): (store: object) => T {
  const states = new WeakMap<object, T>();
  return (store) => {
    let state = states.get(store);
    if (state === undefined) {
      state = make();
      states.set(store, state);
    }
    return state;
  };
}
