import { useEffect, useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../electron/ipc/contract';
import type { SetupOptions } from '../../../electron/services/session/views';
import { call, consoleApi } from '../../platform/kiosk';
import { PinInput } from '../../shared/PinInput';
import { formatClock, useTick } from '../../shared/time';

const api = consoleApi();

/**
 * Choose the pack and the group, name the facilitators and the time-keeper, then start. A group
 * run before has records (its roster): with the records locked, main asks for the PIN first.
 */
export function StartSessionForm({
  onStart,
  onRehearse,
  onError,
  pinPrompt,
}: {
  onStart: (request: RequestOf<'session:start'>) => void;
  /** Page through the pack on both screens without starting a session or writing a record. */
  onRehearse: (packId: string) => void;
  onError: (message: string) => void;
  /** Main's reason for wanting the PIN, once it has refused to open a group's roster without it. */
  pinPrompt: string | null;
}) {
  const [options, setOptions] = useState<SetupOptions | null>(null);
  const [packId, setPackId] = useState('');
  const [cohortName, setCohortName] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [coFacilitator, setCoFacilitator] = useState('');
  const [timeKeeper, setTimeKeeper] = useState('');
  const [pin, setPin] = useState('');

  useEffect(() => {
    call(api, 'session:setupOptions', {}).then(
      (loaded) => {
        setOptions(loaded);
        setPackId((current) => current || loaded.packs[0]?.id || '');
      },
      (error: Error) => onError(error.message),
    );
  }, [onError]);

  // The projector shows the chosen pack's title, calmly, until the session starts.
  useEffect(() => {
    if (packId)
      call(api, 'session:prepare', { packId }).catch((error: Error) => onError(error.message));
  }, [packId, onError]);

  const pack = options?.packs.find((entry) => entry.id === packId);
  /** A group run before brings back the pack it ran last, when that pack is still installed. */
  const chooseGroup = (name: string) => {
    setCohortName(name);
    const last = options?.cohorts.find((cohort) => cohort.name === name.trim())?.lastPackId;
    if (last && options?.packs.some((entry) => entry.id === last)) setPackId(last);
  };
  const now = useTick();

  function submit(event: FormEvent) {
    event.preventDefault();
    onStart({
      packId,
      cohortName,
      facilitators: [facilitator, coFacilitator].map((name) => name.trim()).filter(Boolean),
      timeKeeper: timeKeeper.trim() || null,
      ...(pinPrompt ? { pin } : {}),
    });
    setPin('');
  }

  if (!options) return <p>Loading content packs…</p>;
  return (
    <form className="start-form" onSubmit={submit} aria-labelledby="start-title">
      <h2 id="start-title">Start a session</h2>
      <label>
        Content pack
        <select value={packId} onChange={(event) => setPackId(event.target.value)} required>
          {options.packs.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title} — {entry.program}
              {entry.session !== null ? ` session ${entry.session}` : ''} ({entry.minutes} min)
            </option>
          ))}
        </select>
      </label>
      <label>
        Group
        <input
          value={cohortName}
          onChange={(event) => chooseGroup(event.target.value)}
          list="cohort-names"
          placeholder="e.g. Tuesday evening group"
          required
          maxLength={80}
        />
        <datalist id="cohort-names">
          {options.cohorts.map((cohort) => (
            <option key={cohort.id} value={cohort.name} />
          ))}
        </datalist>
      </label>
      <label>
        Facilitator
        <input
          value={facilitator}
          onChange={(event) => setFacilitator(event.target.value)}
          required
          maxLength={80}
        />
      </label>
      <label>
        Co-facilitator (optional)
        <input
          value={coFacilitator}
          onChange={(event) => setCoFacilitator(event.target.value)}
          maxLength={80}
        />
      </label>
      <label>
        Time-keeper (optional volunteer)
        <input
          value={timeKeeper}
          onChange={(event) => setTimeKeeper(event.target.value)}
          maxLength={80}
        />
      </label>
      {pinPrompt && (
        <div className="start-form__pin" role="group" aria-labelledby="start-pin-why">
          <p id="start-pin-why">{pinPrompt}</p>
          <PinInput
            label="Counselor PIN"
            value={pin}
            onChange={setPin}
            required
            autoFocus
            hint="Forgot it? The Records tab's “Forgot the PIN?” sets a new one with the recovery key."
          />
        </div>
      )}
      {pack && (
        <p className="start-form__plan">
          {pack.itemCount} agenda items, {pack.minutes} minutes. Times are set from when you press
          Start: starting now, the group ends at {formatClock(now + pack.minutes * 60_000)}.
        </p>
      )}
      <div className="start-form__buttons">
        <button type="submit" className="primary" disabled={!packId}>
          Start session
        </button>
        <button type="button" disabled={!packId} onClick={() => onRehearse(packId)}>
          Rehearse this pack
        </button>
      </div>
      <p className="start-form__note">
        Rehearsing pages through the pack on both screens, with its videos and timers, and records
        nothing: no group or facilitator needed.
      </p>
    </form>
  );
}
