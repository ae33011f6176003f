import type { AudienceView } from '../../electron/services/show/views';
import { audienceApi, call } from '../platform/kiosk';
import { SlideFrame } from '../shared/SlideFrame';
import { useView } from '../shared/useView';

const api = audienceApi();

/** The projector: only what the room should see, pushed from main. It never issues commands. */
export function AudienceApp() {
  const { view } = useView<AudienceView>(
    () => call(api, 'show:audienceView', {}),
    (listener) => api.on('show:audienceView', listener),
  );
  return (
    <main className="audience" data-slide-number={view?.slide.number ?? ''}>
      {view && <SlideFrame html={view.slide.html} label={`Slide ${view.slide.number}`} />}
    </main>
  );
}
