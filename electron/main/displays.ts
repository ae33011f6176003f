/**
 * The Electron shell's screens: places the audience window, follows displays being plugged in and
 * out, and remembers the choice per set of displays. Decisions come from the pure functions in
 * shell/displays.ts; this file only applies them.
 */
import type { BrowserWindow } from 'electron';
import { screen } from 'electron';
import { readSetting, writeSetting } from '../db/queries/settings';
import type { Db } from '../db/database';
import { RejectedRequest } from '../services/errors';
import type { DisplayPort, DisplayStatusView } from '../services/displays';
import {
  chooseAudienceDisplay,
  displaySetKey,
  reactToDisplays,
  type AudienceStatus,
} from '../shell/displays';

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

  constructor(private readonly db: () => Db) {
    const changed = () => this.displaysChanged();
    screen.on('display-added', changed);
    screen.on('display-removed', changed);
  }

  /** Places the audience window at start: the remembered or largest other display, else a window. */
  attach(consoleWindow: BrowserWindow, audience: BrowserWindow): void {
    this.consoleWindow = consoleWindow;
    this.audience = audience;
    const displays = screen.getAllDisplays();
    const placement = chooseAudienceDisplay(displays, this.consoleDisplayId(), this.remembered());
    if (placement.kind === 'fullscreen') this.placeFullscreen(placement.display.id);
    else this.placeWindow(placement.display.id);
  }

  status(): DisplayStatusView {
    const consoleId = this.consoleDisplayId();
    return {
      ...this.current,
      displays: screen.getAllDisplays().map((display, index) => ({
        id: display.id,
        label: display.label || `Display ${index + 1}`,
        isConsole: display.id === consoleId,
      })),
    };
  }

  identify(): { console: string; audience: string } {
    const displays = screen.getAllDisplays();
    const number = (id: number | null) => displays.findIndex((display) => display.id === id) + 1;
    const audienceText =
      this.current.mode === 'hidden' ? 'hidden' : `Screen ${number(this.current.displayId)}`;
    return {
      console: `Screen ${number(this.consoleDisplayId())}: console`,
      audience: `${audienceText}: audience`,
    };
  }

  moveAudienceTo(displayId: number): void {
    // With one display, full screen is the counselor's explicit choice (Alt+Tab reaches the console).
    if (displayId === this.consoleDisplayId() && screen.getAllDisplays().length > 1) {
      throw new RejectedRequest('That is the console’s display; the audience would cover it.');
    }
    if (!screen.getAllDisplays().some((display) => display.id === displayId)) {
      throw new RejectedRequest('That display is no longer connected.');
    }
    this.placeFullscreen(displayId);
    writeSetting(this.db(), this.rememberKey(), displayId);
  }

  showAudienceAsWindow(): void {
    this.placeWindow(this.consoleDisplayId());
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private consoleDisplayId(): number {
    const bounds = this.consoleWindow?.getBounds();
    return (bounds ? screen.getDisplayMatching(bounds) : screen.getPrimaryDisplay()).id;
  }

  private rememberKey(): string {
    return `audience-display:${displaySetKey(screen.getAllDisplays())}`;
  }

  private remembered(): number | null {
    return readSetting<number>(this.db(), this.rememberKey()) ?? null;
  }

  private placeFullscreen(displayId: number): void {
    const window = this.audience;
    const display = screen.getAllDisplays().find((entry) => entry.id === displayId);
    if (!window || !display) return;
    window.setFullScreen(false);
    window.setBounds(display.bounds);
    window.setFullScreen(true);
    window.showInactive();
    this.update({ mode: 'fullscreen', displayId, lostDisplayId: null, offerDisplayId: null });
  }

  private placeWindow(displayId: number): void {
    const window = this.audience;
    const display =
      screen.getAllDisplays().find((entry) => entry.id === displayId) ?? screen.getPrimaryDisplay();
    if (!window) return;
    const { x, y, width, height } = display.workArea;
    window.setFullScreen(false);
    window.setBounds({
      x: x + 40,
      y: y + 40,
      width: Math.round(width / 2),
      height: Math.round(height / 2),
    });
    window.showInactive();
    this.update({
      mode: 'window',
      displayId: display.id,
      lostDisplayId: null,
      offerDisplayId: null,
    });
  }

  private displaysChanged(): void {
    const next = reactToDisplays(
      this.current,
      screen.getAllDisplays(),
      this.consoleDisplayId(),
      this.remembered(),
    );
    if (next.mode === 'hidden' && this.current.mode !== 'hidden') {
      this.audience?.setFullScreen(false);
      this.audience?.hide();
    }
    this.update(next);
  }

  private update(status: AudienceStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener();
  }
}
