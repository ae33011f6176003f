import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import type {
  MemberStanding,
  MemberStandingChange,
} from '../../../electron/services/group/certificates';
import { useConsoleT } from '../../shared/i18n/i18n';

/**
 * Why a member does or does not get a certificate, in the console's language: main decided
 * (`eligible`), and its standing says which reason applies.
 */
function because(member: MemberStanding, minSessions: number, t: TFunction<'records'>): string {
  const total = member.sessionsAttended + member.priorSessions;
  if (member.override === 'grant')
    return t('standing.granted', { reason: member.overrideReason ?? '' });
  if (member.override === 'withhold')
    return t('standing.withheld', { reason: member.overrideReason ?? '' });
  if (member.graduated) return t('standing.graduating');
  if (member.eligible) return t('standing.goodStanding');
  if (total < minSessions)
    return t('standing.fewSessions', { count: total, required: minSessions });
  return t('standing.quizNotTaken');
}

/**
 * A group's members and their certificates: sessions in the kiosk and before it, graduating, and
 * the counselor's own decision on a certificate with its reason.
 */
export function MemberStandingList({
  members,
  minSessions,
  onSave,
}: {
  members: MemberStanding[];
  /** The program's rule: sessions a certificate needs. */
  minSessions: number;
  onSave: (change: MemberStandingChange) => Promise<unknown>;
}) {
  const t = useConsoleT('records');
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <ul className="records__members">
      {members.map((member) => (
        <li key={member.id} data-member={member.name}>
          <span>
            <strong>{member.name}</strong>:{' '}
            {t(member.priorSessions > 0 ? 'standing.summaryWithPrior' : 'standing.summary', {
              sessions: t('standing.sessions', { count: member.sessionsAttended }),
              prior: member.priorSessions,
              quizzes: t('standing.quizzes', { count: member.quizzesTaken }),
            })}
          </span>{' '}
          {member.graduated && <span className="badge">{t('standing.graduating')}</span>}
          <span
            className={`badge ${member.eligible ? 'badge--new' : ''}`}
            data-testid="certificate"
          >
            {t(member.eligible ? 'standing.certificate' : 'standing.noCertificate', {
              because: because(member, minSessions, t),
            })}
          </span>{' '}
          {editing === member.id ? (
            <StandingForm
              member={member}
              onCancel={() => setEditing(null)}
              onSave={(change) => onSave(change).then(() => setEditing(null))}
            />
          ) : (
            <button
              type="button"
              aria-label={t('standing.editLabel', { name: member.name })}
              onClick={() => setEditing(member.id)}
            >
              {t('standing.edit')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function StandingForm({
  member,
  onSave,
  onCancel,
}: {
  member: MemberStanding;
  onSave: (change: MemberStandingChange) => Promise<unknown>;
  onCancel: () => void;
}) {
  const t = useConsoleT('records');
  const [priorSessions, setPriorSessions] = useState(member.priorSessions);
  const [priorNote, setPriorNote] = useState(member.priorNote ?? '');
  const [override, setOverride] = useState<MemberStanding['override']>(member.override);
  const [reason, setReason] = useState(member.overrideReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    onSave({
      memberId: member.id,
      priorSessions,
      priorNote: priorNote.trim() || null,
      override,
      reason: override ? reason.trim() : null,
    }).catch((failure: Error) => setError(failure.message));
  };
  return (
    <form
      className="records__standing"
      aria-label={t('standing.form', { name: member.name })}
      onSubmit={submit}
    >
      <label>
        {t('standing.priorSessions')}
        <input
          type="number"
          min={0}
          max={999}
          value={priorSessions}
          onChange={(event) => setPriorSessions(Number(event.target.value))}
        />
      </label>
      <label>
        {t('standing.priorNote')}
        <input
          value={priorNote}
          maxLength={500}
          placeholder={t('standing.priorNoteExample')}
          onChange={(event) => setPriorNote(event.target.value)}
        />
      </label>
      <label>
        {t('standing.certificateLabel')}
        <select
          value={override ?? 'rule'}
          onChange={(event) =>
            setOverride(event.target.value === 'rule' ? null : (event.target.value as 'grant'))
          }
        >
          <option value="rule">{t('standing.byRule')}</option>
          <option value="grant">{t('standing.grant')}</option>
          <option value="withhold">{t('standing.withhold')}</option>
        </select>
      </label>
      {override && (
        <label>
          {t('standing.reason')}
          <input
            required
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
      )}
      <button type="submit" className="primary">
        {t('standing.save')}
      </button>
      {error && <span role="alert">{error}</span>}
      <button type="button" onClick={onCancel}>
        {t('standing.cancel')}
      </button>
    </form>
  );
}
