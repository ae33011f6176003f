import type { ReactNode } from 'react';
import { useConsoleT } from '../../shared/i18n/i18n';
import { getAt, moveEntry, removeEntry, type Path } from './draftEdits';
import { FieldProblems, TextField, useEditor } from './fields';

/**
 * A list of entries in the draft (questions, quiz items, options, scenarios…): each with Move up,
 * Move down and Remove, and Add at the end. An emptied optional list leaves the manifest.
 */
export function ListEditor<T>({
  path,
  legend,
  entryLabel,
  addLabel,
  newEntry,
  compact = false,
  children,
}: {
  path: Path;
  legend: string;
  entryLabel: (entry: T, index: number) => string;
  addLabel: string;
  newEntry: (list: readonly T[]) => T;
  /** One line per entry (options, short entries): the buttons beside the fields. */
  compact?: boolean;
  children: (entryPath: Path, index: number) => ReactNode;
}) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const value = getAt(draft, path);
  const list = (Array.isArray(value) ? value : []) as T[];
  const set = (next: T[]) => change(path, next.length === 0 ? undefined : next);
  return (
    <fieldset
      className={`list-editor${compact ? ' list-editor--compact' : ''}`}
      data-list={path.join('.')}
    >
      <legend>{legend}</legend>
      <FieldProblems id={`${path.join('-')}-problems`} path={path} />
      {list.map((entry, index) => {
        const label = entryLabel(entry, index);
        return (
          <section key={index} className="list-editor__entry" aria-label={label}>
            <div className="list-editor__bar">
              <h4>{label}</h4>
              <button
                type="button"
                disabled={index === 0}
                onClick={() => set(moveEntry(list, index, index - 1))}
                aria-label={t('list.moveUp', { name: label })}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={index === list.length - 1}
                onClick={() => set(moveEntry(list, index, index + 1))}
                aria-label={t('list.moveDown', { name: label })}
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() => set(removeEntry(list, index))}
                aria-label={t('list.removeNamed', { name: label })}
              >
                {t('list.remove')}
              </button>
            </div>
            {children([...path, index], index)}
          </section>
        );
      })}
      <button type="button" onClick={() => set([...list, newEntry(list)])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

/** Lettered options (a quiz question's, a poll's): a key and a text each, the next letter added. */
export function LetteredOptionsEditor({
  path,
  legend,
  entryPrefix,
  addLabel,
}: {
  path: Path;
  legend: string;
  /** "Option" → entries named "Option a", "Option b"… */
  entryPrefix: string;
  addLabel: string;
}) {
  const t = useConsoleT('editor');
  return (
    <ListEditor<{ key: string; text: string }>
      path={path}
      legend={legend}
      entryLabel={(option) => t('list.optionEntry', { prefix: entryPrefix, key: option.key })}
      compact
      addLabel={addLabel}
      newEntry={(options) => ({
        key: String.fromCharCode(97 + Math.min(25, options.length)),
        text: '',
      })}
    >
      {(optionPath) => (
        <div className="form-grid form-grid--key">
          <TextField label={t('list.key')} path={[...optionPath, 'key']} keepEmpty />
          <TextField label={t('list.text')} path={[...optionPath, 'text']} keepEmpty />
        </div>
      )}
    </ListEditor>
  );
}
