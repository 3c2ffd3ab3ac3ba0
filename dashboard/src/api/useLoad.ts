import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Load<T> =
  | { state: 'loading'; data: T | undefined; error: null }
  | { state: 'error'; data: T | undefined; error: unknown }
  | { state: 'ready'; data: T; error: null };

/**
 * Runs `load` when `deps` change and on `reload()`; answers that arrive after a newer request are dropped, so a
 * slow page never overwrites a faster later one. Keeps the previous data while reloading.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Load<T> & { reload: () => void } {
  const [result, setResult] = useState<Load<T>>({ state: 'loading', data: undefined, error: null });
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;

  const run = useCallback(() => {
    const mine = ++generation.current;
    setResult((previous) => ({ state: 'loading', data: previous.data, error: null }));
    latest.current().then(
      (data) => { if (mine === generation.current) setResult({ state: 'ready', data, error: null }); },
      (error: unknown) => {
        if (mine === generation.current) setResult((previous) => ({ state: 'error', data: previous.data, error }));
      });
  }, []);

  // `load` is read through a ref, so only `deps` decide when to run again (the way a data hook is called).
  useEffect(run, deps);
  useEffect(() => () => { generation.current++; }, []);
  return { ...result, reload: run };
}
