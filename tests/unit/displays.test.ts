import { describe, expect, it } from 'vitest';
import {
  BROWSER_STATUS,
  chooseAudienceDisplay,
  displaySetKey,
  reactToDisplays,
  type AudienceStatus,
  type DisplayInfo,
} from '../../electron/shared/displays';

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

describe('reactToDisplays', () => {
  const onProjector: AudienceStatus = {
    mode: 'fullscreen',
    displayId: 7,
    lostDisplayId: null,
    offerDisplayId: null,
  };

  it('leaves a fullscreen audience alone while its display is there', () => {
    expect(reactToDisplays(onProjector, [laptop, projector], laptop.id)).toBe(onProjector);
  });

  it('hides the audience when its projector is unplugged, so it never covers the console', () => {
    expect(reactToDisplays(onProjector, [laptop], laptop.id)).toEqual({
      mode: 'hidden',
      displayId: null,
      lostDisplayId: 7,
      offerDisplayId: null,
    });
  });

  it('offers the projector back when it is plugged in again', () => {
    const hidden = reactToDisplays(onProjector, [laptop], laptop.id);
    expect(reactToDisplays(hidden, [laptop, projector], laptop.id)).toMatchObject({
      mode: 'hidden',
      offerDisplayId: 7,
    });
  });

  it('offers another display when a different one is connected', () => {
    const hidden = reactToDisplays(onProjector, [laptop], laptop.id);
    expect(reactToDisplays(hidden, [laptop, tv], laptop.id).offerDisplayId).toBe(9);
  });

  it('offers fullscreen on a projector plugged in while the audience is a window', () => {
    const windowed: AudienceStatus = {
      mode: 'window',
      displayId: 1,
      lostDisplayId: null,
      offerDisplayId: null,
    };
    expect(reactToDisplays(windowed, [laptop], laptop.id)).toEqual(windowed);
    expect(reactToDisplays(windowed, [laptop, projector], laptop.id)).toMatchObject({
      mode: 'window',
      offerDisplayId: 7,
    });
  });

  it('prefers the display remembered for this set of displays', () => {
    const hidden = reactToDisplays(onProjector, [laptop], laptop.id);
    expect(reactToDisplays(hidden, [laptop, tv, projector], laptop.id, 7).offerDisplayId).toBe(7);
    expect(reactToDisplays(hidden, [laptop, tv, projector], laptop.id, 9).offerDisplayId).toBe(9);
  });

  it('does nothing in the browser shell', () => {
    expect(reactToDisplays(BROWSER_STATUS, [laptop], laptop.id)).toBe(BROWSER_STATUS);
  });
});

describe('displaySetKey', () => {
  it('names a set of displays the same whatever order they are reported in', () => {
    expect(displaySetKey([projector, laptop])).toBe('1+7');
    expect(displaySetKey([laptop, projector])).toBe('1+7');
  });
});
