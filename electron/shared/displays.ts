import { phrase, type Phrase } from './i18n/phraseKeys';

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

/** Where the audience window is and what the console should offer, as the console shows it. */
export interface AudienceStatus {
  /** `browser`: the browser shell, where the counselor places the audience page themselves. */
  mode: 'fullscreen' | 'window' | 'hidden' | 'browser';
  displayId: number | null;
  /** Set while hidden because its projector was unplugged. */
  lostDisplayId: number | null;
  /** A display the audience could go (back) to, offered to the counselor. */
  offerDisplayId: number | null;
}

export const BROWSER_STATUS: AudienceStatus = {
  mode: 'browser',
  displayId: null,
  lostDisplayId: null,
  offerDisplayId: null,
};

/** Remembered choices are keyed by the set of displays connected, e.g. the clinic's laptop + projector. */
export function displaySetKey(displays: readonly DisplayInfo[]): string {
  return [...displays.map((display) => display.id)].sort((a, b) => a - b).join('+');
}

function offerFor(
  displays: readonly DisplayInfo[],
  consoleDisplayId: number,
  preferredId: number | null,
): number | null {
  const placement = chooseAudienceDisplay(displays, consoleDisplayId, preferredId);
  return placement.kind === 'fullscreen' ? placement.display.id : null;
}

/**
 * The audience window's next status when displays are added or removed during a show. A fullscreen
 * audience whose display vanished is hidden (never left covering the console); whenever another
 * display is available the console offers it. Pure: tested with fake displays.
 */
export function reactToDisplays(
  status: AudienceStatus,
  displays: readonly DisplayInfo[],
  consoleDisplayId: number,
  rememberedId: number | null = null,
): AudienceStatus {
  const present = (id: number | null) =>
    id !== null && displays.some((display) => display.id === id);
  switch (status.mode) {
    case 'browser':
      return status;
    case 'fullscreen':
      if (present(status.displayId) && status.displayId !== consoleDisplayId) return status;
      return {
        mode: 'hidden',
        displayId: null,
        lostDisplayId: status.displayId,
        offerDisplayId: offerFor(displays, consoleDisplayId, rememberedId),
      };
    case 'window':
      return { ...status, offerDisplayId: offerFor(displays, consoleDisplayId, rememberedId) };
    case 'hidden':
      return {
        ...status,
        offerDisplayId: offerFor(displays, consoleDisplayId, rememberedId ?? status.lostDisplayId),
      };
  }
}

/**
 * Whether this desktop lets the kiosk place its windows. Under a native Wayland session the
 * compositor decides where windows go (clients cannot position them), so the audience stays a
 * window the counselor drags to the projector. Under XWayland (`--ozone-platform=x11`, which the
 * Linux package's menu entry passes) and on every other desktop the kiosk places it itself.
 */
export function windowPlacementNote(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  ozonePlatform: string,
): Phrase | null {
  if (platform !== 'linux' || ozonePlatform === 'x11') return null;
  const wayland =
    ozonePlatform === 'wayland' || (env.XDG_SESSION_TYPE === 'wayland' && !!env.WAYLAND_DISPLAY);
  if (!wayland) return null;
  return phrase('displays.waylandNote');
}
