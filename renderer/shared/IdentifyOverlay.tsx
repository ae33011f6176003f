import { useEffect, useState } from 'react';
import type { KioskApiFor, ShowRole } from '../../electron/ipc/contract';

/** "Identify screens": each window shows which screen it is for a few seconds. */
export function IdentifyOverlay({ api, role }: { api: KioskApiFor<ShowRole>; role: ShowRole }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = (api as KioskApiFor<'audience'>).on('displays:identify', (labels) => {
      setText(labels[role]);
      clearTimeout(timer);
      timer = setTimeout(() => setText(null), 4000);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [api, role]);
  if (!text) return null;
  return (
    <div className="identify-overlay" role="status">
      {text}
    </div>
  );
}
