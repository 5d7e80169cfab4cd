/**
 * A labelled numeric field that commits on Enter or blur, and shows why a value was refused,
 * and (`why`) why it is disabled.
 */
import { useEffect, useId, useState } from 'react';
import { parseDecimal } from '../../core/strict-number.ts';
import { useWhyDisabled } from './why-disabled.tsx';

export function NumberField(props: {
  label: string;
  value: number;
  onCommit(value: number): void;
  integer?: boolean;
  error?: string | null;
  disabled?: boolean;
  why?: string | null;
}) {
  const { label, value, onCommit, integer = false, error = null, disabled = false, why = null } = props;
  const id = useId();
  const reason = useWhyDisabled(disabled ? why : null);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  // Strict: `0x10` is not read as 16, and `2.5` for a whole number goes on to be refused, not truncated.
  const commit = () => {
    const v = parseDecimal(text.trim());
    if (v === null) setText(String(value));
    else if (v !== value) onCommit(v);
  };
  return (
    <span className="number-field">
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        size={7}
        value={text}
        disabled={disabled}
        aria-describedby={reason.describedBy}
        aria-invalid={error !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {reason.note}
      {error !== null && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
