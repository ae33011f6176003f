import { useLayoutEffect, useRef, useState } from 'react';
import './slide.css';

const SLIDE_WIDTH = 1920;
const SLIDE_HEIGHT = 1080;

/**
 * A slide laid out on a fixed 1920×1080 canvas and scaled to fit, so the console's previews look
 * exactly like the projector. The HTML comes from main, rendered from Markdown with raw HTML off.
 */
export function SlideFrame({ html, label }: { html: string; label: string }) {
  const outer = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0);

  useLayoutEffect(() => {
    const element = outer.current;
    if (!element) return;
    const fit = () =>
      setScale(Math.min(element.clientWidth / SLIDE_WIDTH, element.clientHeight / SLIDE_HEIGHT));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="slide-frame" ref={outer} role="img" aria-label={label}>
      <div
        className="slide-canvas"
        style={{ transform: `translate(-50%, -50%) scale(${scale})` }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
