import { describe, expect, it } from 'vitest';
import { chooseAudienceDisplay, type DisplayInfo } from '../../electron/shell/displays';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const projector: DisplayInfo = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const tv: DisplayInfo = { id: 9, bounds: { x: -3840, y: 0, width: 3840, height: 2160 } };

describe('chooseAudienceDisplay', () => {
  it('puts the audience fullscreen on the external display, chosen by id', () => {
    expect(chooseAudienceDisplay([laptop, projector], laptop.id)).toEqual({
      kind: 'fullscreen',
      display: projector,
    });
    expect(chooseAudienceDisplay([projector, laptop], laptop.id).display.id).toBe(7);
  });

  it('never chooses the console display when another exists, even if remembered', () => {
    expect(chooseAudienceDisplay([laptop, projector], laptop.id, laptop.id).display.id).toBe(7);
  });

  it('prefers the remembered display among several', () => {
    expect(chooseAudienceDisplay([laptop, tv, projector], laptop.id, projector.id).display.id).toBe(
      7,
    );
  });

  it('otherwise picks the largest other display', () => {
    expect(chooseAudienceDisplay([laptop, projector, tv], laptop.id).display.id).toBe(9);
  });

  it('falls back to an ordinary window with one display', () => {
    expect(chooseAudienceDisplay([laptop], laptop.id)).toEqual({ kind: 'window', display: laptop });
  });

  it('copes with a console display id that is no longer reported', () => {
    expect(chooseAudienceDisplay([laptop, projector], 42)).toEqual({
      kind: 'fullscreen',
      display: projector,
    });
  });

  it('throws with no displays at all', () => {
    expect(() => chooseAudienceDisplay([], 1)).toThrow(/No displays/);
  });
});
