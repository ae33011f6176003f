/**
 * The relaxation segment's shape over time: fade in, play, fade out, lights up. Pure, so the console
 * (which plays the audio) and tests compute the same thing from the same timestamps.
 */
export type RelaxationPhase = 'fading-in' | 'playing' | 'fading-out' | 'over';

export interface Envelope {
  fadeInMs: number;
  fadeOutMs: number;
}

export function envelopeFor(durationMs: number): Envelope {
  return {
    fadeInMs: Math.min(8_000, durationMs * 0.1),
    fadeOutMs: Math.min(15_000, durationMs * 0.15),
  };
}

export function relaxationPhase(
  elapsedMs: number,
  durationMs: number,
): { phase: RelaxationPhase; volume: number } {
  const { fadeInMs, fadeOutMs } = envelopeFor(durationMs);
  if (elapsedMs >= durationMs) return { phase: 'over', volume: 0 };
  if (elapsedMs < fadeInMs)
    return { phase: 'fading-in', volume: Math.max(0, elapsedMs / fadeInMs) };
  if (elapsedMs > durationMs - fadeOutMs)
    return { phase: 'fading-out', volume: (durationMs - elapsedMs) / fadeOutMs };
  return { phase: 'playing', volume: 1 };
}
