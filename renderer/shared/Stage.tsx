import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './slide.css';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

/**
 * A fixed 1920×1080 canvas scaled to fit its box: the projector, the console's preview and the
 * slide thumbnails lay out the same pixels, so what the counselor sees is what the room sees.
 */
export function Stage({
  children,
  label,
  lang,
  className = '',
}: {
  children: ReactNode;
  /** The language of what the stage shows, when it differs from the page's (the console's preview). */
  lang?: string;
  /** Given for a preview: the stage is then one image to assistive technology. */
  label?: string;
  className?: string;
}) {
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0);

  useLayoutEffect(() => {
    const element = outer.current;
    if (!element) return;
    const fit = () =>
      setScale(Math.min(element.clientWidth / STAGE_WIDTH, element.clientHeight / STAGE_HEIGHT));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="slide-frame" ref={outer} role={label ? 'img' : undefined} aria-label={label}>
      <div
        lang={lang}
        className={`stage-canvas ${className}`}
        style={{ transform: `translate(-50%, -50%) scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
