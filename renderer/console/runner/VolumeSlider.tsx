import { useState } from 'react';
import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';

const api = consoleApi();

/** A volume remembered on this machine: the projector's video, or the relaxation audio here. */
export function VolumeSlider({
  kind,
  level,
}: {
  kind: 'video' | 'relaxation';
  /** 0 to 1, as main last sent it. */
  level: number;
}) {
  const t = useConsoleT('runner');
  const [error, setError] = useState<string | null>(null);
  const label = kind === 'video' ? t('volume.video') : t('volume.relaxation');
  const percent = t('volume.level', { level: Math.round(level * 100) / 100 });
  return (
    <label className="volume">
      {label}
      <input
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(level * 100)}
        aria-valuetext={percent}
        onChange={(event) =>
          call(api, 'settings:setVolume', {
            kind,
            level: Number(event.target.value) / 100,
          }).then(
            () => setError(null),
            (failure: Error) => setError(failure.message),
          )
        }
      />
      <output>{percent}</output>
      {error && <span role="alert">{error}</span>}
    </label>
  );
}
