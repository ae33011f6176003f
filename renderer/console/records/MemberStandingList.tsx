import { useState, type FormEvent } from 'react';
import type {
  MemberStanding,
  MemberStandingChange,
} from '../../../electron/services/group/certificates';

/** `1 session`, `3 sessions`. */
const sessionsLabel = (count: number) => `${count} ${count === 1 ? 'session' : 'sessions'}`;

/**
 * A group's members and their certificates: sessions in the kiosk and before it, graduating, and
 * the counselor's own decision on a certificate with its reason.
 */
export function MemberStandingList({
  members,
  onSave,
}: {
  members: MemberStanding[];
  onSave: (change: MemberStandingChange) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <ul className="records__members">
      {members.map((member) => (
        <li key={member.id} data-member={member.name}>
          <span>
            <strong>{member.name}</strong>: {sessionsLabel(member.sessionsAttended)}
            {member.priorSessions > 0 && ` + ${member.priorSessions} before the kiosk`},{' '}
            {member.quizzesTaken} {member.quizzesTaken === 1 ? 'quiz' : 'quizzes'}
          </span>{' '}
          {member.graduated && <span className="badge">graduating</span>}
          <span
            className={`badge ${member.eligible ? 'badge--new' : ''}`}
            data-testid="certificate"
          >
            {member.eligible ? 'certificate' : 'no certificate'}: {member.because}
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
              aria-label={`Edit ${member.name}'s sessions and certificate`}
              onClick={() => setEditing(member.id)}
            >
              Edit…
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
      aria-label={`${member.name}'s sessions and certificate`}
      onSubmit={submit}
    >
      <label>
        Sessions before the kiosk
        <input
          type="number"
          min={0}
          max={999}
          value={priorSessions}
          onChange={(event) => setPriorSessions(Number(event.target.value))}
        />
      </label>
      <label>
        Where they are recorded
        <input
          value={priorNote}
          maxLength={500}
          placeholder="e.g. paper sign-in sheets, spring cohort"
          onChange={(event) => setPriorNote(event.target.value)}
        />
      </label>
      <label>
        Certificate
        <select
          value={override ?? 'rule'}
          onChange={(event) =>
            setOverride(event.target.value === 'rule' ? null : (event.target.value as 'grant'))
          }
        >
          <option value="rule">as the program's rule decides</option>
          <option value="grant">give a certificate</option>
          <option value="withhold">no certificate</option>
        </select>
      </label>
      {override && (
        <label>
          Reason
          <input
            required
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
      )}
      <button type="submit" className="primary">
        Save
      </button>
      {error && <span role="alert">{error}</span>}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
