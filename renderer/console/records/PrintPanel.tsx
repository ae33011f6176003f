import type { Download, RecordsOverview } from '../../../electron/services/records/recordsDesk';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { PaperSelect, type PageSize } from './PaperSelect';

const api = consoleApi();
/** A 24-hour time of day, as the agenda's start time is typed. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Printing before the group: the agenda from a start time, the quiz, the scenario cards, handouts. */
export function PrintPanel({
  overview,
  pack,
  onPack,
  pageSize,
  onPageSize,
  startTime,
  onStartTime,
  fetchFile,
  fail,
}: {
  overview: RecordsOverview;
  pack: RecordsOverview['packs'][number] | undefined;
  onPack: (packId: string) => void;
  pageSize: PageSize;
  onPageSize: (size: PageSize) => void;
  startTime: string;
  onStartTime: (typed: string) => void;
  fetchFile: (request: () => Promise<Download>) => unknown;
  fail: (text: string) => void;
}) {
  const t = useConsoleT('records');
  return (
    <section aria-labelledby="print-title">
      <h3 id="print-title">{t('print.heading')}</h3>
      <div className="inline-form">
        <label>
          {t('print.pack')}
          <select value={pack?.id ?? ''} onChange={(event) => onPack(event.target.value)}>
            {overview.packs.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </select>
        </label>
        <PaperSelect value={pageSize} onChange={onPageSize} />
        <label>
          {t('print.startsAt')}
          <input
            type="text"
            inputMode="numeric"
            placeholder={t('print.timeFormat')}
            maxLength={5}
            size={6}
            value={startTime}
            onChange={(event) => onStartTime(event.target.value.trim())}
            aria-invalid={startTime !== '' && !TIME_OF_DAY.test(startTime)}
            aria-describedby="start-time-hint"
          />
        </label>
      </div>
      <p id="start-time-hint" className="runner__muted">
        {t('print.startHint')}
      </p>
      {pack && (
        <div className="details__buttons">
          <button
            type="button"
            onClick={() =>
              startTime !== '' && !TIME_OF_DAY.test(startTime)
                ? fail(t('print.notATime', { typed: startTime }))
                : fetchFile(() =>
                    call(api, 'records:print', {
                      document: 'agenda',
                      packId: pack.id,
                      pageSize,
                      ...(startTime ? { startTime } : {}),
                    }),
                  )
            }
          >
            {t('print.agenda')}
          </button>
          {pack.hasQuiz && (
            <button
              type="button"
              onClick={() =>
                fetchFile(() =>
                  call(api, 'records:print', { document: 'quiz', packId: pack.id, pageSize }),
                )
              }
            >
              {t('print.quiz')}
            </button>
          )}
          {pack.hasGame && (
            <button
              type="button"
              onClick={() =>
                fetchFile(() =>
                  call(api, 'records:print', { document: 'scenarios', packId: pack.id, pageSize }),
                )
              }
            >
              {t('print.scenarios')}
            </button>
          )}
          {pack.handouts.map((handout) => (
            <button
              key={handout.id}
              type="button"
              onClick={() =>
                fetchFile(() =>
                  call(api, 'records:print', {
                    document: 'handout',
                    packId: pack.id,
                    handoutId: handout.id,
                    pageSize,
                  }),
                )
              }
            >
              {handout.title}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
