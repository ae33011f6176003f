/** Pure display logic for the Electron shell, tested with fake displays. */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export type AudiencePlacement =
  { kind: 'fullscreen'; display: DisplayInfo } | { kind: 'window'; display: DisplayInfo };

/**
 * The audience goes fullscreen on a display other than the console's: the remembered one if it is
 * still connected, otherwise the largest other display. With one display it is an ordinary window.
 */
export function chooseAudienceDisplay(
  displays: readonly DisplayInfo[],
  consoleDisplayId: number,
  rememberedId: number | null = null,
): AudiencePlacement {
  const consoleDisplay = displays.find((display) => display.id === consoleDisplayId) ?? displays[0];
  if (!consoleDisplay) throw new Error('No displays were reported.');
  const others = displays.filter((display) => display.id !== consoleDisplay.id);
  const remembered = others.find((display) => display.id === rememberedId);
  if (remembered) return { kind: 'fullscreen', display: remembered };
  const largest = [...others].sort(
    (a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height || a.id - b.id,
  )[0];
  return largest
    ? { kind: 'fullscreen', display: largest }
    : { kind: 'window', display: consoleDisplay };
}
