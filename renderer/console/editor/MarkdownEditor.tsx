/**
 * A slide's Markdown in CodeMirror 6: highlighting, undo history, wrapped lines and the standard
 * keys, nothing more (no completion, lint or search panels: the slides are short). Loaded in a
 * chunk of its own when the Slides section first shows, so neither the console's start nor the
 * rest of the editor waits for it.
 *
 * Tab is left to the page (no indentWithTab), so the keyboard can leave the editor as it leaves a
 * textarea; the console's own keys ignore typing in it (actions.ts: contenteditable is typing).
 *
 * The editor lives in a shadow root: CodeMirror styles itself with style rules it makes at run
 * time, which the console's Content-Security-Policy (`style-src 'self'`, no inline styles) refuses
 * in a <style> element but allows as a constructed style sheet, the form style-mod uses in a
 * shadow root. ARIA references do not cross into it, so the field's problems are repeated inside,
 * hidden, for the editing area's description.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

const DESCRIPTION_ID = 'markdown-problems';
/** Marks a change that came from the draft (an inserted image, a resumed draft): not echoed back. */
const fromDraft = Annotation.define<boolean>();

/** Colours on the console's dark field background, each at least 4.5:1 against it. */
const slideMarkdownStyle = HighlightStyle.define([
  { tag: tags.heading, color: '#ffe082', fontWeight: '700' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: [tags.link, tags.url], color: '#80d8ff' },
  { tag: tags.processingInstruction, color: '#b0bec5' },
  { tag: tags.monospace, color: '#c5e1a5' },
  { tag: tags.quote, color: '#cfd8dc', fontStyle: 'italic' },
]);

const theme = EditorView.theme(
  {
    '&': {
      backgroundColor: '#0d1114',
      color: '#f2f2f2',
      border: '1px solid #90a4ae',
      borderRadius: '4px',
      minHeight: '220px',
    },
    '&.cm-focused': { outline: '2px solid #80d8ff', outlineOffset: '1px' },
    '.cm-scroller': { fontFamily: "ui-monospace, 'Cascadia Mono', Menlo, monospace" },
    '.cm-content': { padding: '6px 0', minHeight: '208px', caretColor: '#ffffff' },
    '.cm-line': { padding: '0 8px' },
    '.cm-cursor': { borderLeftColor: '#ffffff' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#37474f',
    },
  },
  { dark: true },
);

export interface MarkdownEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The host's id: its field's label focuses it (the shadow root delegates focus). */
  id: string;
  /** The accessible name of the editing area (CodeMirror's contenteditable has no <label>). */
  label: string;
  /** The field's problems, read as the editing area's description; empty when none. */
  description: string;
  invalid: boolean;
}

function contentAttributes(label: string, description: string, invalid: boolean) {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    'aria-invalid': String(invalid),
    ...(description ? { 'aria-describedby': DESCRIPTION_ID } : {}),
  });
}

export default function MarkdownEditor({
  value,
  onChange,
  id,
  label,
  description,
  invalid,
}: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const describer = useRef<HTMLDivElement | null>(null);
  const attributes = useRef(new Compartment());
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  // The view is made once; value, label and state changes reach it below, not by a new view
  // (which would lose the cursor and the undo history at each keystroke).
  useEffect(() => {
    const element = host.current!;
    const shadow =
      element.shadowRoot ?? element.attachShadow({ mode: 'open', delegatesFocus: true });
    const hidden = document.createElement('div');
    hidden.id = DESCRIPTION_ID;
    hidden.hidden = true;
    shadow.append(hidden);
    describer.current = hidden;
    const editor = new EditorView({
      root: shadow,
      parent: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...markdownKeymap, ...defaultKeymap, ...historyKeymap]),
          new LanguageSupport(markdownLanguage),
          syntaxHighlighting(slideMarkdownStyle),
          EditorView.lineWrapping,
          theme,
          attributes.current.of(contentAttributes(label, description, invalid)),
          EditorView.updateListener.of((update) => {
            const typed = !update.transactions.some((change) => change.annotation(fromDraft));
            if (update.docChanged && typed) latestOnChange.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      hidden.remove();
      view.current = null;
    };
    // Made once per mount; see above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The draft changed from elsewhere (an image inserted, a draft resumed): show it.
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const shown = editor.state.doc.toString();
    if (shown !== value)
      editor.dispatch({
        changes: { from: 0, to: shown.length, insert: value },
        annotations: fromDraft.of(true),
      });
  }, [value]);

  useEffect(() => {
    if (describer.current) describer.current.textContent = description;
    view.current?.dispatch({
      effects: attributes.current.reconfigure(contentAttributes(label, description, invalid)),
    });
  }, [label, description, invalid]);

  return <div className="markdown-editor" id={id} ref={host} />;
}
