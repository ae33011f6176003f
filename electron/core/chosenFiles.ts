import { basename } from 'node:path';
import { RejectedRequest } from '../services/errors';

export type ChooseFile = (purpose: 'pack' | 'media') => Promise<string | null>;

/**
 * Paths the desktop app's own open-file dialog returned: the only paths main reads for a window.
 * Without a dialog (the browser shell) files come from the page, in parts.
 */
export class ChosenFiles {
  private readonly chosen = new Set<string>();

  constructor(private readonly chooseFile?: ChooseFile) {}

  get available(): boolean {
    return this.chooseFile !== undefined;
  }

  async choose(purpose: 'pack' | 'media'): Promise<{ path: string; name: string } | null> {
    if (!this.chooseFile) throw new RejectedRequest('errors.chooseInPage');
    const path = await this.chooseFile(purpose);
    if (path === null) return null;
    this.chosen.add(path);
    return { path, name: basename(path) };
  }

  /** The path, if the dialog returned it; a window cannot name a file main never offered. */
  require(path: string): string {
    if (!this.chooseFile || !this.chosen.has(path)) throw new RejectedRequest('errors.chooseAgain');
    return path;
  }
}
