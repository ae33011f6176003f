export type PageSize = 'A4' | 'Letter';

/** The paper every printout is laid out for. */
export function PaperSelect({
  value,
  onChange,
}: {
  value: PageSize;
  onChange: (pageSize: PageSize) => void;
}) {
  return (
    <label>
      Paper
      <select value={value} onChange={(event) => onChange(event.target.value as PageSize)}>
        <option value="Letter">Letter</option>
        <option value="A4">A4</option>
      </select>
    </label>
  );
}
