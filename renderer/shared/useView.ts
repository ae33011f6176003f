import { useEffect, useState } from 'react';

interface Revisioned {
  revision: number;
}

/**
 * Holds the newest snapshot of a view: fetched once, then replaced by pushes. Revisions make an
 * answer that arrives after a newer push harmless.
 */
export function useView<V extends Revisioned>(
  fetchView: () => Promise<V>,
  subscribe: (listener: (view: V) => void) => () => void,
): { view: V | null; error: string | null; accept: (view: V) => void } {
  const [view, setView] = useState<V | null>(null);
  const [error, setError] = useState<string | null>(null);
  const accept = (next: V) =>
    setView((current) => (current && current.revision > next.revision ? current : next));

  useEffect(() => {
    const unsubscribe = subscribe(accept);
    fetchView().then(accept, (reason: unknown) =>
      setError(String((reason as Error).message ?? reason)),
    );
    return unsubscribe;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetch and subscribe once per mount
  }, []);

  return { view, error, accept };
}
