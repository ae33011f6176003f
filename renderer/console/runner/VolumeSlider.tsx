import { call, consoleApi } from '../../platform/kiosk';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useAction } from '../notices/useAction';

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
  const { run } = useAction();
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
          void run(() =>
            call(api, 'settings:setVolume', { kind, level: Number(event.target.value) / 100 }),
          )
        }
      />
      <output>{percent}</output>
    </label>
  );
}
