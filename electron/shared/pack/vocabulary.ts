/** The pack format's fixed words, without the schema: the console's editor lists them (no zod in its bundle). */
export const MODES = ['verbal', 'visual', 'experiential'] as const;
export const ITEM_KINDS = [
  'opening',
  'didactic',
  'discussion',
  'demonstration',
  'video',
  'break',
  'review',
  'game',
  'quiz',
  'relaxation',
  'activity',
  'poll',
  'closing',
] as const;
