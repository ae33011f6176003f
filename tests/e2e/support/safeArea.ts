import { expect, type Locator } from '@playwright/test';

/** The projector's safe area on the 1920×1080 stage: 5 % in from every edge. */
const SAFE = { left: 96, right: 1920 - 96, top: 54, bottom: 1080 - 54 };

/** Every piece of visible text on the projector: its box, and the size it is drawn at. */
export function textBoxes(root: Locator) {
  return root.locator('.stage-canvas *').evaluateAll((elements) =>
    elements
      .filter(
        (element) =>
          (element as HTMLElement).offsetParent !== null &&
          [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '',
          ),
      )
      .map((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const box = range.getBoundingClientRect();
        return {
          text: element.textContent!.slice(0, 30),
          left: box.left,
          top: box.top,
          right: box.right,
          bottom: box.bottom,
          // A fitted slide is zoomed as a whole: the size drawn is the font size times that zoom.
          px:
            parseFloat(getComputedStyle(element).fontSize) *
            ((element as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1),
        };
      }),
  );
}

/** All visible text on the 1920×1080 projector page is inside the safe area, at least `floorPx`. */
export async function expectInsideSafeArea(root: Locator, floorPx: number) {
  const boxes = await textBoxes(root);
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left, box.text).toBeGreaterThanOrEqual(SAFE.left);
    expect(box.right, box.text).toBeLessThanOrEqual(SAFE.right);
    expect(box.top, box.text).toBeGreaterThanOrEqual(SAFE.top);
    expect(box.bottom, box.text).toBeLessThanOrEqual(SAFE.bottom);
    expect(box.px, box.text).toBeGreaterThanOrEqual(floorPx);
  }
}
