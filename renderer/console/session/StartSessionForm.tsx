import { useEffect, useState, type FormEvent } from 'react';
import type { RequestOf } from '../../../electron/ipc/contract';
import type { SetupOptions } from '../../../electron/services/session/views';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleLanguage, useConsoleT } from '../../shared/i18n/i18n';
import { PinInput } from '../../shared/PinInput';
import { useAction } from '../notices/useAction';
import { formatClock, useTick } from '../../shared/time';

const api = consoleApi();

/**
 * Choose the pack and the group, name the facilitators and the time-keeper, then start. A group
 * run before has records (its roster): with the records locked, main asks for the PIN first.
 */
export function StartSessionForm({
  onStart,
  onRehearse,
  pinPrompt,
}: {
  onStart: (request: RequestOf<'session:start'>) => void;
  /** Page through the pack on both screens without starting a session or writing a record. */
  onRehearse: (packId: string) => void;
  /** Main's reason for wanting the PIN, once it has refused to open a group's roster without it. */
  pinPrompt: string | null;
}) {
  const t = useConsoleT('runner');
  const language = useConsoleLanguage();
  const [options, setOptions] = useState<SetupOptions | null>(null);
  const [packId, setPackId] = useState('');
  const [cohortName, setCohortName] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [coFacilitator, setCoFacilitator] = useState('');
  const [timeKeeper, setTimeKeeper] = useState('');
  const [pin, setPin] = useState('');

  const { run } = useAction('session');

  useEffect(() => {
    void run(() => call(api, 'session:setupOptions', {}), {
      quiet: true,
      onDone: (loaded) => {
        setOptions(loaded);
        setPackId((current) => current || loaded.packs[0]?.id || '');
      },
    });
  }, [run]);

  // The projector shows the chosen pack's title, calmly, until the session starts.
  useEffect(() => {
    if (packId) void run(() => call(api, 'session:prepare', { packId }), { quiet: true });
  }, [packId, run]);

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

  if (!options) return <p>{t('startForm.loading')}</p>;
  return (
    <form className="start-form" onSubmit={submit} aria-labelledby="start-title">
      <h2 id="start-title">{t('startForm.title')}</h2>
      <label>
        {t('startForm.pack')}
        <select value={packId} onChange={(event) => setPackId(event.target.value)} required>
          {options.packs.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.session !== null
                ? t('startForm.packOptionSession', {
                    title: entry.title,
                    program: entry.program,
                    session: entry.session,
                    minutes: entry.minutes,
                  })
                : t('startForm.packOption', {
                    title: entry.title,
                    program: entry.program,
                    minutes: entry.minutes,
                  })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('startForm.group')}
        <input
          value={cohortName}
          onChange={(event) => chooseGroup(event.target.value)}
          list="cohort-names"
          placeholder={t('startForm.groupPlaceholder')}
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
        {t('startForm.facilitator')}
        <input
          value={facilitator}
          onChange={(event) => setFacilitator(event.target.value)}
          required
          maxLength={80}
        />
      </label>
      <label>
        {t('startForm.coFacilitator')}
        <input
          value={coFacilitator}
          onChange={(event) => setCoFacilitator(event.target.value)}
          maxLength={80}
        />
      </label>
      <label>
        {t('startForm.timeKeeper')}
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
            label={t('startForm.pin')}
            value={pin}
            onChange={setPin}
            required
            autoFocus
            hint={t('startForm.pinHint')}
          />
        </div>
      )}
      {pack && (
        <p className="start-form__plan">
          {t('startForm.plan', {
            count: pack.itemCount,
            minutes: pack.minutes,
            end: formatClock(now + pack.minutes * 60_000, language),
          })}
        </p>
      )}
      <div className="start-form__buttons">
        <button type="submit" className="primary" disabled={!packId}>
          {t('startForm.start')}
        </button>
        <button type="button" disabled={!packId} onClick={() => onRehearse(packId)}>
          {t('startForm.rehearse')}
        </button>
      </div>
      <p className="start-form__note">{t('startForm.rehearseNote')}</p>
    </form>
  );
}
