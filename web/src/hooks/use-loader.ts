// Loads something that depends on `key`; a new key aborts the previous request. The previous data stays
// on screen while the next loads so the page does not jump; `reload` asks again.
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Changes the data on screen at once (e.g. with a save's answer), before or without a reload. */
  update(change: (data: T) => T): void;
}

export function useLoader<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (answer) => {
        if (controller.signal.aborted) return;
        setData(answer);
        setLoading(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setData(null);
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is recreated on each render; `key` says when it really changes.
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (data: T) => T) => setData((d) => (d === null ? d : change(d))), []);
  return { data, error, loading, reload, update };
}
