import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';

/** Body text on the 1920×1080 stage starts here and never shrinks below the floor. */
export const CARD_FONT_PX = 54;
/** Still readable from the back of a group room on a 1080p projector. */
export const CARD_FLOOR_PX = 36;
const STEP_PX = 2;

/**
 * Which screen of a long card the room sees, and (in the console's preview only) where to report
 * how many screens the card needs, so main knows when Next pages and when it moves on.
 */
export const CardPaging = createContext<{ page: number; onPages?: (pages: number) => void }>({
  page: 0,
});

/** The pieces a card may break between: list items and paragraphs under the heading. */
const BLOCKS = ':scope > ul > li, :scope > ol > li, :scope > p';

/**
 * Splits the blocks into screens that each fit with the heading: greedily, so every screen but
 * the last is full. A single block too tall for a screen gets one to itself.
 */
function paginate(card: HTMLElement, blocks: HTMLElement[], overflows: () => boolean): number[][] {
  for (const block of blocks) block.hidden = true;
  const pages: number[][] = [[]];
  blocks.forEach((block, index) => {
    block.hidden = false;
    const page = pages.at(-1)!;
    page.push(index);
    if (overflows() && page.length > 1) {
      page.pop();
      for (const shown of page) blocks[shown]!.hidden = true;
      pages.push([index]);
    }
  });
  card.dataset.pages = String(pages.length);
  return pages;
}

/**
 * A text card inside the projector's safe area (5 % in from every edge, for projectors that
 * overscan). Text that does not fit shrinks step by step down to the floor, measured before the
 * first paint whenever the content changes; what still does not fit continues on another screen,
 * which the counselor's Next pages to.
 */
export function FitCard({
  children,
  contentKey,
  testId,
  className,
}: {
  children: ReactNode;
  /** A layout of the card's own (answers beside responses), added to `projector__card`. */
  className?: string;
  /** Changes whenever the text does. */
  contentKey: string;
  testId?: string;
}) {
  const card = useRef<HTMLElement>(null);
  const { page, onPages } = useContext(CardPaging);

  useLayoutEffect(() => {
    const element = card.current;
    if (!element) return;
    const overflows = () => element.scrollHeight > element.clientHeight + 1;
    const blocks = [...element.querySelectorAll<HTMLElement>(BLOCKS)];
    for (const block of blocks) block.hidden = false;
    delete element.dataset.continues;
    element.classList.remove('projector__card--continued');
    let size = CARD_FONT_PX;
    element.style.fontSize = `${size}px`;
    while (overflows() && size > CARD_FLOOR_PX) {
      size -= STEP_PX;
      element.style.fontSize = `${size}px`;
    }
    element.dataset.fontPx = String(size);
    let pages: number[][] = [blocks.map((_, index) => index)];
    if (overflows() && blocks.length > 1) {
      // Room for the "continues" line is kept on every screen, so each one measured fits.
      element.dataset.continues = 'true';
      pages = paginate(element, blocks, overflows);
    }
    const shown = Math.min(page, pages.length - 1);
    const onScreen = new Set(pages[shown]);
    blocks.forEach((block, index) => (block.hidden = !onScreen.has(index)));
    if (shown < pages.length - 1) element.dataset.continues = 'true';
    else delete element.dataset.continues;
    element.classList.toggle('projector__card--continued', shown > 0);
    element.dataset.page = String(shown + 1);
    element.dataset.pages = String(pages.length);
    onPages?.(pages.length);
  }, [contentKey, page, onPages]);

  return (
    <section
      ref={card}
      className={className ? `projector__card ${className}` : 'projector__card'}
      data-testid={testId}
    >
      {children}
    </section>
  );
}
