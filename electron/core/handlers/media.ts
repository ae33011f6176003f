import type { MediaLibrary } from '../../services/media/mediaLibrary';
import type { SessionService } from '../../services/session/sessionService';
import type { ChosenFiles } from '../chosenFiles';
import { recueAfterMediaChange } from '../rules';
import type { ChannelsNamed, HandlersOf } from './domain';

/** The media library; every change re-cues the running session (recueAfterMediaChange). */
export function mediaHandlers(
  media: MediaLibrary,
  sessions: SessionService,
  chosenFiles: ChosenFiles,
): HandlersOf<ChannelsNamed<'media'>> {
  const changed = <T>(result: T): T => recueAfterMediaChange(sessions, result);
  return {
    'media:library': () => media.libraryView(),
    'media:beginUpload': ({ name, size, mime }) => media.beginUpload(name, size, mime),
    'media:uploadChunk': ({ uploadId, offset, data }) =>
      media.appendChunk(uploadId, offset, Buffer.from(data, 'base64')),
    'media:finishUpload': async (request) => changed(await media.finishUpload(request)),
    'media:cancelUpload': ({ uploadId }) => {
      media.cancelUpload(uploadId);
      return null;
    },
    'media:bind': ({ packId, mediaId, sha256, as }) => {
      media.bind(packId, mediaId, sha256, as);
      return changed(media.libraryView());
    },
    'media:unbind': ({ packId, mediaId }) => {
      media.unbind(packId, mediaId);
      return changed(media.libraryView());
    },
    'media:setCue': ({ packId, mediaId, cueId, atMs }) =>
      changed(media.setCue(packId, mediaId, cueId, atMs)),
    'media:resetCues': ({ packId, mediaId }) => {
      media.resetCues(packId, mediaId);
      return changed(media.libraryView());
    },
    'media:importPath': async ({ path, durationMs, bind }) =>
      changed(await media.importFromPath(chosenFiles.require(path), { durationMs, bind })),
  };
}
