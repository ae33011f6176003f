import { BROWSER_STATUS, type AudienceStatus } from '../shared/displays';
import { phrase, type Phrase } from '../shared/i18n/phrases';
import { RejectedRequest } from './errors';

export interface DisplayStatusView extends AudienceStatus {
  displays: { id: number; label: string; isConsole: boolean }[];
  /** Why the kiosk cannot place the audience itself, in plain words, or null. */
  note: string | null;
}

/** What the shell can do with screens. The Electron shell manages real displays; the browser shell cannot. */
export interface DisplayPort {
  status(): DisplayStatusView;
  /** Labels each screen for a few seconds: `{ console, audience }` shown by each window (main words them). */
  identify(): { console: Phrase; audience: Phrase };
  moveAudienceTo(displayId: number): void;
  showAudienceAsWindow(): void;
  onChange(listener: () => void): () => void;
}

/** The browser shell: the counselor drags the audience page to the projector and presses F11. */
export const browserDisplays: DisplayPort = {
  status: () => ({ ...BROWSER_STATUS, displays: [], note: null }),
  identify: () => ({
    console: phrase('displays.identify.browserConsole'),
    audience: phrase('displays.identify.browserAudience'),
  }),
  moveAudienceTo() {
    throw new RejectedRequest('errors.displays.dragToProjector');
  },
  showAudienceAsWindow() {
    throw new RejectedRequest('errors.displays.leaveFullScreen');
  },
  onChange: () => () => {},
};
