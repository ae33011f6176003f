/**
 * The Electron shell's screens: places the audience window, follows displays being plugged in and
 * out, and remembers the choice per set of displays. Decisions come from the pure functions in
 * shell/displays.ts; this file only applies them. Every use of a window checks that it still
 * exists: a display event can arrive while the app is closing.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import { readAudienceDisplay, writeAudienceDisplay } from '../db/queries/settings';
import type { Db } from '../db/database';
import { FALLBACK_LANGUAGE, type Language } from '../shared/i18n';
import { phrase, say, type Phrase } from '../shared/i18n/phrases';
import { RejectedRequest } from '../services/errors';
import type { DisplayPort, DisplayStatusView } from '../services/displays';
import {
  chooseAudienceDisplay,
  displaySetKey,
  reactToDisplays,
  type AudienceStatus,
} from '../shared/displays';

/** Where the audience window is created, so it opens on its display instead of being moved there. */
export interface AudiencePlacement {
  bounds: Rectangle;
  fullscreen: boolean;
  status: AudienceStatus;
}

function windowedOn(workArea: Rectangle): Rectangle {
  return {
    x: workArea.x + 40,
    y: workArea.y + 40,
    width: Math.round(workArea.width / 2),
    height: Math.round(workArea.height / 2),
  };
}

function live(window: BrowserWindow | null): BrowserWindow | null {
  return window && !window.isDestroyed() ? window : null;
}

export class ElectronDisplays implements DisplayPort {
  private audience: BrowserWindow | null = null;
  private consoleWindow: BrowserWindow | null = null;
  private current: AudienceStatus = {
    mode: 'window',
    displayId: null,
    lostDisplayId: null,
    offerDisplayId: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly changed = () => this.displaysChanged();

  /**
   * @param placementNote why this desktop does not let the kiosk place windows (native Wayland),
   *   or null where it can.
   * @param language the console's language, in which the status' words are sent.
   */
  constructor(
    private readonly db: () => Db,
    private readonly placementNote: Phrase | null,
    private readonly language: () => Language = () => FALLBACK_LANGUAGE,
  ) {
    screen.on('display-added', this.changed);
    screen.on('display-removed', this.changed);
    screen.on('display-metrics-changed', this.changed);
  }

  /** Stops following displays: the app is quitting and the database is about to close. */
  dispose(): void {
    screen.off('display-added', this.changed);
    screen.off('display-removed', this.changed);
    screen.off('display-metrics-changed', this.changed);
    this.listeners.clear();
  }

  /** The audience's place at start: the remembered or largest other display, else a window. */
  initialPlacement(): AudiencePlacement {
    const primary = screen.getPrimaryDisplay();
    const placement = this.placementNote
      ? { kind: 'window' as const, display: primary }
      : chooseAudienceDisplay(screen.getAllDisplays(), primary.id, this.remembered());
    const display =
      screen.getAllDisplays().find((entry) => entry.id === placement.display.id) ?? primary;
    const fullscreen = placement.kind === 'fullscreen';
    return {
      bounds: fullscreen ? display.bounds : windowedOn(display.workArea),
      fullscreen,
      status: {
        mode: fullscreen ? 'fullscreen' : 'window',
        displayId: display.id,
        lostDisplayId: null,
        offerDisplayId: null,
      },
    };
  }

  attach(
    consoleWindow: BrowserWindow,
    audience: BrowserWindow,
    placement: AudiencePlacement,
  ): void {
    this.consoleWindow = consoleWindow;
    this.audience = audience;
    this.update(placement.status);
  }

  status(): DisplayStatusView {
    const consoleId = this.consoleDisplayId();
    return {
      ...this.current,
      displays: screen.getAllDisplays().map((display, index) => ({
        id: display.id,
        label:
          display.label || say(phrase('displays.display', { number: index + 1 }), this.language()),
        isConsole: display.id === consoleId,
      })),
      note: this.placementNote && say(this.placementNote, this.language()),
    };
  }

  identify(): { console: Phrase; audience: Phrase } {
    const displays = screen.getAllDisplays();
    const number = (id: number | null) => displays.findIndex((display) => display.id === id) + 1;
    return {
      console: phrase('displays.identify.console', { screen: number(this.consoleDisplayId()) }),
      audience:
        this.current.mode === 'hidden'
          ? phrase('displays.identify.audienceHidden')
          : phrase('displays.identify.audience', { screen: number(this.current.displayId) }),
    };
  }

  moveAudienceTo(displayId: number): void {
    // Where the compositor places windows the kiosk cannot know which display the counselor dragged
    // the audience to: it goes full screen where it is.
    if (this.placementNote) {
      this.placeFullscreen(null);
      return;
    }
    // With one display, full screen is the counselor's explicit choice (Alt+Tab reaches the console).
    if (displayId === this.consoleDisplayId() && screen.getAllDisplays().length > 1) {
      throw new RejectedRequest('errors.displays.consoleDisplay');
    }
    if (!screen.getAllDisplays().some((display) => display.id === displayId)) {
      throw new RejectedRequest('errors.displays.gone');
    }
    this.placeFullscreen(displayId);
    writeAudienceDisplay(this.db(), this.displaySet(), displayId);
  }

  showAudienceAsWindow(): void {
    this.placeWindow(this.consoleDisplayId());
  }

  /** The counselor closed the projector window (✕, Alt+F4): it is hidden, and offered back. */
  audienceClosed(): void {
    const window = live(this.audience);
    // Out of full screen first: macOS may never finish leaving it for a hidden window.
    if (window) this.leaveFullScreen(window, () => window.hide());
    this.update({
      mode: 'hidden',
      displayId: null,
      lostDisplayId: null,
      offerDisplayId: this.offerAfterClose(),
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private offerAfterClose(): number | null {
    if (this.placementNote) return null;
    const placement = chooseAudienceDisplay(
      screen.getAllDisplays(),
      this.consoleDisplayId(),
      this.remembered(),
    );
    return placement.kind === 'fullscreen' ? placement.display.id : null;
  }

  private consoleDisplayId(): number {
    const bounds = live(this.consoleWindow)?.getBounds();
    return (bounds ? screen.getDisplayMatching(bounds) : screen.getPrimaryDisplay()).id;
  }

  private displaySet(): string {
    return displaySetKey(screen.getAllDisplays());
  }

  private remembered(): number | null {
    return readAudienceDisplay(this.db(), this.displaySet());
  }

  /**
   * Leaves full screen and runs `then` once the window may be placed. macOS animates leaving full
   * screen and ignores bounds until the animation ends ('leave-full-screen'); elsewhere it is
   * immediate. Should the event never come, the move goes ahead after 1.5 s.
   */
  private leaveFullScreen(window: BrowserWindow, then: () => void): void {
    if (process.platform === 'darwin' && window.isFullScreen()) {
      let done = false;
      const finish = () => {
        if (done || window.isDestroyed()) return;
        done = true;
        then();
      };
      window.once('leave-full-screen', finish);
      setTimeout(finish, 1500).unref?.();
      window.setFullScreen(false);
      return;
    }
    window.setFullScreen(false);
    then();
  }

  /** `displayId` null: full screen wherever the window is (native Wayland). */
  private placeFullscreen(displayId: number | null): void {
    const window = live(this.audience);
    const display = screen.getAllDisplays().find((entry) => entry.id === displayId);
    if (!window || (displayId !== null && !display)) return;
    this.update({ mode: 'fullscreen', displayId, lostDisplayId: null, offerDisplayId: null });
    if (!display) {
      window.setFullScreen(true);
      window.showInactive();
      return;
    }
    this.leaveFullScreen(window, () => {
      window.setBounds(display.bounds);
      window.setFullScreen(true);
      window.showInactive();
    });
  }

  private placeWindow(displayId: number): void {
    const window = live(this.audience);
    const display =
      screen.getAllDisplays().find((entry) => entry.id === displayId) ?? screen.getPrimaryDisplay();
    if (!window) return;
    this.update({
      mode: 'window',
      displayId: display.id,
      lostDisplayId: null,
      offerDisplayId: null,
    });
    this.leaveFullScreen(window, () => {
      if (!this.placementNote) window.setBounds(windowedOn(display.workArea));
      window.showInactive();
    });
  }

  private displaysChanged(): void {
    // Where the compositor places windows it also moves them when displays come and go.
    if (this.placementNote) {
      this.update(this.current);
      return;
    }
    const next = reactToDisplays(
      this.current,
      screen.getAllDisplays(),
      this.consoleDisplayId(),
      this.remembered(),
    );
    if (next.mode === 'hidden' && this.current.mode !== 'hidden') {
      const window = live(this.audience);
      if (window) this.leaveFullScreen(window, () => window.hide());
    }
    this.update(next);
  }

  private update(status: AudienceStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener();
  }
}
