import { useId, type ChangeEvent } from 'react';
import './pin.css';

/**
 * A counselor PIN field: digits, hidden, never remembered by the browser. Its label sits above
 * it; a hint and an error, when given, are read with it (and the error marks it invalid).
 */
export function PinInput({
  label,
  value,
  onChange,
  autoFocus = false,
  required = false,
  hint,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  required?: boolean;
  hint?: string;
  /** The id of the element that says what is wrong, or undefined while nothing is. */
  error?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ?? null].filter(Boolean).join(' ');
  return (
    <div className="pin-input">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        maxLength={8}
        autoFocus={autoFocus}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <span className="pin-input__hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}
