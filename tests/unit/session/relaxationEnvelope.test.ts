import { describe, expect, it } from 'vitest';
import { relaxationPhase } from '../../../electron/shared/session/relaxationEnvelope';

describe('relaxationPhase', () => {
  const tenMinutes = 600_000;
  it('fades in, plays, fades out, and is over when the minutes are up', () => {
    expect(relaxationPhase(0, tenMinutes)).toEqual({ phase: 'fading-in', volume: 0 });
    expect(relaxationPhase(4_000, tenMinutes)).toEqual({ phase: 'fading-in', volume: 0.5 });
    expect(relaxationPhase(300_000, tenMinutes)).toEqual({ phase: 'playing', volume: 1 });
    expect(relaxationPhase(592_500, tenMinutes)).toEqual({ phase: 'fading-out', volume: 0.5 });
    expect(relaxationPhase(tenMinutes, tenMinutes)).toEqual({ phase: 'over', volume: 0 });
  });
  it('scales the fades for a short segment', () => {
    expect(relaxationPhase(750, 15_000)).toEqual({ phase: 'fading-in', volume: 0.5 });
    expect(relaxationPhase(14_000, 15_000).phase).toBe('fading-out');
  });
});
