import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import type { PackDraft } from '../../../electron/content/pack/draft';
import type { PackProblem } from '../../../electron/shared/pack/problems';
import { useConsoleT } from '../../shared/i18n/i18n';
import { useProblemText } from '../../shared/i18n/problemText';
import { getAt, problemsAt, type Path } from './draftEdits';

export interface EditorState {
  draft: PackDraft;
  problems: readonly PackProblem[];
  change: (path: Path, value: unknown) => void;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('an editor field outside the pack editor');
  return editor;
}

/** The pack:check problems of one field, beside it; the input points at them for screen readers. */
export function FieldProblems({ id, path }: { id: string; path: Path }) {
  const t = useConsoleT('editor');
  const { problems } = useEditor();
  const problemText = useProblemText();
  const here = problemsAt(problems, path);
  if (here.length === 0) return null;
  return (
    <ul className="field__problems" id={id}>
      {here.map((problem) => (
        <li key={problem.message} className={`field__problem field__problem--${problem.severity}`}>
          {problem.severity === 'warning'
            ? t('fields.warning', { message: problemText(problem) })
            : problemText(problem)}
        </li>
      ))}
    </ul>
  );
}

function useFieldIds(path: Path) {
  const { problems } = useEditor();
  const id = useId();
  const errorId = `${id}-problems`;
  const here = problemsAt(problems, path);
  return {
    id,
    errorId,
    described: here.length > 0 ? errorId : undefined,
    invalid: here.some((problem) => problem.severity === 'error'),
  };
}

/**
 * A field's label, control, hint and problems. `editable`: the control is not a form element but
 * an editable element with the field's id (the Markdown editor): it carries its name as
 * aria-label, and a click on the label focuses it as a <label> would.
 */
export function Field({
  label,
  path,
  hint,
  children,
  className = '',
  editable = false,
}: {
  label: string;
  path: Path;
  hint?: string;
  children: (ids: ReturnType<typeof useFieldIds>) => ReactNode;
  className?: string;
  editable?: boolean;
}) {
  const ids = useFieldIds(path);
  return (
    <div className={`field ${className}`} data-field={path.join('.')}>
      {editable ? (
        <span className="field__label" onClick={() => document.getElementById(ids.id)?.focus()}>
          {label}
        </span>
      ) : (
        <label htmlFor={ids.id}>{label}</label>
      )}
      {children(ids)}
      {hint && <span className="field__hint">{hint}</span>}
      <FieldProblems id={ids.errorId} path={path} />
    </div>
  );
}

/** A text field; emptied, the key is left out of the manifest (optional fields). */
export function TextField({
  label,
  path,
  hint,
  multiline = false,
  keepEmpty = false,
  className,
}: {
  label: string;
  path: Path;
  hint?: string;
  multiline?: boolean;
  /** Required text: an empty value stays '' so the check says "must not be empty" here. */
  keepEmpty?: boolean;
  className?: string;
}) {
  const { draft, change } = useEditor();
  const value = getAt(draft, path);
  const text = typeof value === 'string' ? value : '';
  const onChange = (next: string) => change(path, next === '' && !keepEmpty ? undefined : next);
  return (
    <Field label={label} path={path} hint={hint} className={className}>
      {({ id, described, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            value={text}
            rows={3}
            aria-describedby={described}
            aria-invalid={invalid}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            id={id}
            type="text"
            value={text}
            aria-describedby={described}
            aria-invalid={invalid}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A number; what is typed is kept while it is being typed, the draft gets the number (or nothing). */
export function NumberField({
  label,
  path,
  hint,
  step = 1,
}: {
  label: string;
  path: Path;
  hint?: string;
  step?: number;
}) {
  const { draft, change } = useEditor();
  const value = getAt(draft, path);
  const [typed, setTyped] = useState(typeof value === 'number' ? String(value) : '');
  const [shown, setShown] = useState(value);
  // The draft changed from elsewhere (undo of a move, a restore): show its value.
  if (shown !== value) {
    setShown(value);
    if (Number(typed) !== value || typed === '')
      setTyped(typeof value === 'number' ? String(value) : '');
  }
  return (
    <Field label={label} path={path} hint={hint} className="field--number">
      {({ id, described, invalid }) => (
        <input
          id={id}
          type="number"
          step={step}
          value={typed}
          aria-describedby={described}
          aria-invalid={invalid}
          onChange={(event) => {
            setTyped(event.target.value);
            change(path, event.target.value === '' ? undefined : Number(event.target.value));
          }}
        />
      )}
    </Field>
  );
}

/** A list of texts, one a line; blank lines are not entries. */
export function LinesField({ label, path, hint }: { label: string; path: Path; hint?: string }) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const value = getAt(draft, path);
  const lines = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const joined = lines.join('\n');
  const [typed, setTyped] = useState(joined);
  const [shown, setShown] = useState(joined);
  if (shown !== joined) {
    setShown(joined);
    if (linesOf(typed).join('\n') !== joined) setTyped(joined);
  }
  return (
    <Field label={label} path={path} hint={hint ?? t('fields.oneALine')}>
      {({ id, described, invalid }) => (
        <textarea
          id={id}
          value={typed}
          rows={Math.min(8, Math.max(2, lines.length + 1))}
          aria-describedby={described}
          aria-invalid={invalid}
          onChange={(event) => {
            setTyped(event.target.value);
            const next = linesOf(event.target.value);
            change(path, next.length === 0 ? undefined : next);
          }}
        />
      )}
    </Field>
  );
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function CheckField({ label, path }: { label: string; path: Path }) {
  const { draft, change } = useEditor();
  const ids = useFieldIds(path);
  return (
    <div className="field field--check" data-field={path.join('.')}>
      <input
        id={ids.id}
        type="checkbox"
        checked={getAt(draft, path) === true}
        aria-describedby={ids.described}
        onChange={(event) => change(path, event.target.checked ? true : undefined)}
      />
      <label htmlFor={ids.id}>{label}</label>
      <FieldProblems id={ids.errorId} path={path} />
    </div>
  );
}

export function SelectField({
  label,
  path,
  options,
  optional = false,
  fallback,
  numeric = false,
}: {
  label: string;
  path: Path;
  options: readonly (readonly [value: string, label: string])[];
  optional?: boolean;
  /** The schema's default, shown when the manifest leaves the field out. */
  fallback?: string;
  /** The manifest holds the chosen value as a number (a role-play line's speaker). */
  numeric?: boolean;
}) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const stored = getAt(draft, path) ?? fallback;
  const value = typeof stored === 'number' ? String(stored) : stored;
  return (
    <Field label={label} path={path}>
      {({ id, described, invalid }) => (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          aria-describedby={described}
          aria-invalid={invalid}
          onChange={(event) => {
            const chosen = event.target.value;
            change(path, chosen === '' ? undefined : numeric ? Number(chosen) : chosen);
          }}
        >
          {(optional || typeof value !== 'string') && <option value="">{t('fields.none')}</option>}
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A set of values chosen with checkboxes (modes, quiz markers), kept in the list's own order. */
export function ChoiceSetField({
  legend,
  path,
  options,
}: {
  legend: string;
  path: Path;
  options: readonly (readonly [value: string, label: string])[];
}) {
  const t = useConsoleT('editor');
  const { draft, change } = useEditor();
  const ids = useFieldIds(path);
  const value = getAt(draft, path);
  const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
  return (
    <fieldset className="field field--choices" aria-describedby={ids.described}>
      <legend>{legend}</legend>
      {options.length === 0 && <p className="field__hint">{t('fields.noneYet')}</p>}
      {options.map(([option, text]) => (
        <label key={option} className="field__choice">
          <input
            type="checkbox"
            checked={chosen.has(option)}
            onChange={(event) => {
              const next = options
                .map(([entry]) => entry)
                .filter((entry) => (entry === option ? event.target.checked : chosen.has(entry)));
              change(path, next.length === 0 ? undefined : next);
            }}
          />
          {text}
        </label>
      ))}
      <FieldProblems id={ids.errorId} path={path} />
    </fieldset>
  );
}
