import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** Body text on the 1920×1080 stage starts here and never shrinks below the floor. */
export const CARD_FONT_PX = 54;
/** Still readable from the back of a group room on a 1080p projector. */
export const CARD_FLOOR_PX = 36;
const STEP_PX = 2;

/**
 * A text card inside the projector's safe area (5 % in from every edge, for projectors that
 * overscan). Text that does not fit shrinks step by step down to the floor, measured before the
 * first paint whenever the content changes.
 */
export function FitCard({
  children,
  contentKey,
  testId,
}: {
  children: ReactNode;
  /** Changes whenever the text does. */
  contentKey: string;
  testId?: string;
}) {
  const card = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const element = card.current;
    if (!element) return;
    const overflows = () => element.scrollHeight > element.clientHeight + 1;
    let size = CARD_FONT_PX;
    element.style.fontSize = `${size}px`;
    while (overflows() && size > CARD_FLOOR_PX) {
      size -= STEP_PX;
      element.style.fontSize = `${size}px`;
    }
    element.dataset.fontPx = String(size);
  }, [contentKey]);

  return (
    <section ref={card} className="projector__card" data-testid={testId}>
      {children}
    </section>
  );
}
