import type { ChangeEvent } from 'react';

/** A counselor PIN field: digits, hidden, never remembered by the browser. */
export function PinInput({
  label,
  value,
  onChange,
  autoFocus = false,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  required?: boolean;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        maxLength={8}
        autoFocus={autoFocus}
        required={required}
      />
    </label>
  );
}
