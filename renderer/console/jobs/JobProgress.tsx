import { useEffect, useState } from 'react';
import type { JobProgress as Progress } from '../../../electron/jobs/jobRunner';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import './jobs.css';

const api = consoleApi();

const percent = (progress: Progress) =>
  progress.done !== null && progress.total
    ? Math.round((100 * progress.done) / progress.total)
    : null;

/**
 * The long jobs main runs on worker threads (imports, printing, exports): what is happening, how
 * far it is, and a Cancel that stops it (main removes whatever it had written).
 */
export function JobProgress() {
  const t = useConsoleT();
  const [jobs, setJobs] = useState<ReadonlyMap<string, Progress>>(new Map());
  useEffect(
    () =>
      api.on('jobs:progress', (progress) =>
        setJobs((current) => {
          const next = new Map(current);
          if (progress.state === 'running') next.set(progress.jobId, progress);
          else next.delete(progress.jobId);
          return next;
        }),
      ),
    [],
  );
  if (jobs.size === 0) return null;
  return (
    <ul className="jobs" aria-label={t('jobs.list')}>
      {[...jobs.values()].map((job) => {
        const done = percent(job);
        return (
          <li key={job.jobId} className="jobs__job" data-testid="job-progress">
            <span className="jobs__label">
              {done === null
                ? t('jobs.step', { label: job.label, phase: job.phase })
                : t('jobs.stepDone', { label: job.label, phase: job.phase, percent: done / 100 })}
            </span>
            <progress
              className="jobs__bar"
              aria-label={t('jobs.step', { label: job.label, phase: job.phase })}
              max={100}
              {...(done === null ? {} : { value: done })}
            />
            <button
              type="button"
              onClick={() => void call(api, 'jobs:cancel', { jobId: job.jobId }).catch(() => false)}
            >
              {t('jobs.cancel')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
