import type { MediaFileRow } from '../../db/queries/media';

export interface ResolvedCue {
  id: string;
  atMs: number;
  title: string;
  question: string | null;
  points: string[];
  /** The clinic moved this cue from the pack's time. */
  adjusted: boolean;
}

export interface ResolvedMedia {
  packId: string;
  mediaId: string;
  kind: 'video' | 'audio';
  title: string;
  /** The bound file's length when known, else the pack's expected length. */
  lengthMs: number;
  /** URL the windows play, or null when nothing is set up for this media id. */
  src: string | null;
  source: 'library' | 'stand-in' | 'built-in' | null;
  captionsSrc: string | null;
  cues: ResolvedCue[];
  sourceNote: string | null;
}

export interface MediaFileView {
  sha256: string;
  size: number;
  originalName: string;
  mime: string;
  kind: MediaFileRow['kind'];
  durationMs: number | null;
}

export interface MediaLibraryView {
  files: MediaFileView[];
  packs: {
    packId: string;
    title: string;
    media: (ResolvedMedia & { boundSha256: string | null })[];
  }[];
}
