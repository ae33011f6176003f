/** The web preferences every kiosk window gets (Electron's security checklist), unit-tested. */
import type { Role } from '../ipc/contract';

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  spellcheck: false;
  navigateOnDragDrop: false;
  experimentalFeatures: false;
  autoplayPolicy: 'no-user-gesture-required';
  devTools: boolean;
  zoomMode: 'isolated' | 'disabled';
}

export function secureWebPreferences(
  preload: string,
  role: Role,
  isPackaged: boolean,
): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    // The projector plays a video the counselor cued from the console; no click happens on its window.
    autoplayPolicy: 'no-user-gesture-required',
    // DevTools only for maintainers running from source, never in the clinic's installed app.
    devTools: !isPackaged,
    // Chromium shares zoom per origin and both windows are app://kiosk: the console zooms on its
    // own, and nothing zooms the projector.
    zoomMode: role === 'audience' ? 'disabled' : 'isolated',
  };
}
