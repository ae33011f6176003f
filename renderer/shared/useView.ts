import { useEffect, useState } from 'react';

interface Revisioned {
  revision: number;
}

/**
 * Holds the newest snapshot of a view: fetched once, then replaced by pushes. Revisions make an
 * answer that arrives after a newer push harmless. `receivedAt` is this window's clock on arrival.
 */
export function useView<V extends Revisioned>(
  fetchView: () => Promise<V>,
  subscribe: (listener: (view: V) => void) => () => void,
): { view: V | null; receivedAt: number; error: Error | null; accept: (view: V) => void } {
  const [held, setHeld] = useState<{ view: V | null; receivedAt: number }>({
    view: null,
    receivedAt: 0,
  });
  const [error, setError] = useState<Error | null>(null);
  const accept = (next: V) =>
    setHeld((current) =>
      current.view && current.view.revision > next.revision
        ? current
        : { view: next, receivedAt: Date.now() },
    );

  useEffect(() => {
    const unsubscribe = subscribe(accept);
    fetchView().then(accept, (reason: unknown) =>
      setError(reason instanceof Error ? reason : new Error(String(reason))),
    );
    return unsubscribe;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetch and subscribe once per mount
  }, []);

  return { view: held.view, receivedAt: held.receivedAt, error, accept };
}
