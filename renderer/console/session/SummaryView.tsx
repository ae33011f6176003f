import type { DeliveryStatus } from '../../../electron/services/session/summary';
import type { EndedSessionView } from '../../../electron/services/session/views';
import { useConsoleT } from '../../shared/i18n/i18n';
import { formatClock } from '../../shared/time';

const STATUS_KEY: Record<DeliveryStatus, string> = {
  delivered: 'summary.status.delivered',
  adapted: 'summary.status.adapted',
  'passed-through': 'summary.status.passedThrough',
  skipped: 'summary.status.skipped',
  'not-reached': 'summary.status.notReached',
};

/** The fidelity record of the last session: planned and actual minutes, what was changed and why. */
export function SummaryView({ ended }: { ended: EndedSessionView }) {
  const t = useConsoleT();
  const { summary } = ended;
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        {t('summary.title', { pack: ended.packTitle, group: ended.cohortName })}
      </h2>
      <p>
        {t('summary.length', {
          from: formatClock(summary.startedAt),
          to: formatClock(summary.endedAt),
          actual: summary.actualMinutes,
          count: summary.plannedMinutes,
        })}
      </p>
      <table className="summary__table">
        <thead>
          <tr>
            <th scope="col">{t('summary.orderRun')}</th>
            <th scope="col">{t('summary.item')}</th>
            <th scope="col">{t('summary.planned')}</th>
            <th scope="col">{t('summary.actual')}</th>
            <th scope="col">{t('summary.statusHeading')}</th>
            <th scope="col">{t('summary.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.items.map((item) => (
            <tr key={item.id} data-item-id={item.id}>
              <td>{item.runOrder ?? '—'}</td>
              <th scope="row">{item.title}</th>
              <td>{t('summary.minutes', { count: item.plannedMinutes })}</td>
              <td>{t('summary.minutes', { count: item.actualMinutes })}</td>
              <td>{t(STATUS_KEY[item.status])}</td>
              <td>
                {[
                  item.skippedReason && t('summary.skippedBecause', { reason: item.skippedReason }),
                  item.adaptedReason && t('summary.adaptedBecause', { reason: item.adaptedReason }),
                  (item.visits ?? 0) > 1 && t('summary.revisited', { count: item.visits }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.stretches && summary.stretches.length > 0 && (
        <>
          <h3>{t('summary.inOrder')}</h3>
          <ol className="summary__stretches" aria-label={t('summary.inOrder')}>
            {summary.stretches.map((stretch, index) => (
              <li key={index} data-stretch-id={stretch.id}>
                {t(stretch.revisit ? 'summary.stretchRevisit' : 'summary.stretch', {
                  from: formatClock(stretch.startedAt),
                  to: formatClock(stretch.endedAt),
                  title: stretch.title,
                  count: stretch.minutes,
                })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
