import type { MediaFileView, ResolvedMedia } from './mediaLibrary';

export interface MediaLibraryView {
  files: MediaFileView[];
  packs: {
    packId: string;
    title: string;
    media: (ResolvedMedia & { boundSha256: string | null })[];
  }[];
}
