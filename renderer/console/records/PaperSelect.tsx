import { useConsoleT } from '../../shared/i18n/i18n';

export type PageSize = 'A4' | 'Letter';

/** The paper every printout is laid out for. */
export function PaperSelect({
  value,
  onChange,
}: {
  value: PageSize;
  onChange: (pageSize: PageSize) => void;
}) {
  const t = useConsoleT('records');
  return (
    <label>
      {t('paper.label')}
      <select value={value} onChange={(event) => onChange(event.target.value as PageSize)}>
        <option value="Letter">{t('paper.letter')}</option>
        <option value="A4">{t('paper.a4')}</option>
      </select>
    </label>
  );
}
