import type { DeliveryStatus } from '../../../electron/services/session/summary';
import type { EndedSessionView } from '../../../electron/services/session/views';
import { formatClock } from '../../shared/time';

const STATUS_LABEL: Record<DeliveryStatus, string> = {
  delivered: 'Delivered',
  adapted: 'Adapted',
  'passed-through': 'Passed through',
  skipped: 'Skipped',
  'not-reached': 'Not reached',
};

/** The fidelity record of the last session: planned and actual minutes, what was changed and why. */
export function SummaryView({ ended }: { ended: EndedSessionView }) {
  const { summary } = ended;
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">
        Last session: {ended.packTitle} with {ended.cohortName}
      </h2>
      <p>
        {formatClock(summary.startedAt)}–{formatClock(summary.endedAt)}: {summary.actualMinutes} of{' '}
        {summary.plannedMinutes} planned minutes.
      </p>
      <table className="summary__table">
        <thead>
          <tr>
            <th scope="col">Order run</th>
            <th scope="col">Item</th>
            <th scope="col">Planned</th>
            <th scope="col">Actual</th>
            <th scope="col">Status</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {summary.items.map((item) => (
            <tr key={item.id} data-item-id={item.id}>
              <td>{item.runOrder ?? '—'}</td>
              <th scope="row">{item.title}</th>
              <td>{item.plannedMinutes} min</td>
              <td>{item.actualMinutes} min</td>
              <td>{STATUS_LABEL[item.status]}</td>
              <td>
                {[
                  item.skippedReason && `Skipped: ${item.skippedReason}`,
                  item.adaptedReason && `Adapted: ${item.adaptedReason}`,
                  (item.visits ?? 0) > 1 && `Revisited (${item.visits} visits)`,
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
          <h3>In the order it happened</h3>
          <ol className="summary__stretches" aria-label="In the order it happened">
            {summary.stretches.map((stretch, index) => (
              <li key={index} data-stretch-id={stretch.id}>
                {formatClock(stretch.startedAt)}–{formatClock(stretch.endedAt)} {stretch.title} (
                {stretch.minutes} min){stretch.revisit && ' · revisit'}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
