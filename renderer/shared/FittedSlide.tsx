import { useLayoutEffect, useRef } from 'react';

/** Slide body text is 64 px on the stage; fitting never takes it below the cards' readable floor. */
const SLIDE_FLOOR_ZOOM = 36 / 64;
const ZOOM_STEP = 0.04;

/**
 * A slide's HTML inside the canvas's padding (well inside the 5 % safe area). A slide with more
 * than fits shrinks as a whole, headings and images with the text, down to the readable floor,
 * measured before the first paint. The projector, the preview and the thumbnails all use it.
 */
export function FittedSlide({
  html,
  className = '',
  onFit,
}: {
  html: string;
  className?: string;
  /** Told the zoom the slide needed and whether it fits at all (the pack editor warns). */
  onFit?: (zoom: number, fits: boolean) => void;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = canvas.current;
    const inner = content.current;
    if (!box || !inner) return;
    const overflows = () =>
      inner.offsetHeight > box.clientHeight - paddingOf(box, 'Top') - paddingOf(box, 'Bottom') ||
      inner.scrollWidth > inner.clientWidth + 1;
    let zoom = 1;
    inner.style.zoom = '1';
    while (overflows() && zoom - ZOOM_STEP >= SLIDE_FLOOR_ZOOM) {
      zoom -= ZOOM_STEP;
      inner.style.zoom = String(zoom);
    }
    box.dataset.zoom = zoom.toFixed(2);
    onFit?.(zoom, !overflows());
  }, [html, onFit]);
  return (
    <div ref={canvas} className={`slide-canvas ${className}`}>
      <div
        ref={content}
        className="slide-canvas__content"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}

function paddingOf(element: HTMLElement, side: 'Top' | 'Bottom'): number {
  return parseFloat(getComputedStyle(element)[`padding${side}`]);
}
