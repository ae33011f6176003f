/** What the pack editor was opened for: a new pack, or a loaded one to edit or duplicate. */
export type EditorRequest = { mode: 'new' } | { mode: 'edit' | 'duplicate'; id: string };
