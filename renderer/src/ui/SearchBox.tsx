import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'placeholder' | 'aria-label'> & {
  /** Placeholder and accessible name at once. */
  label: string;
  value: string;
  onChange(value: string): void;
};

/** A search field (`browse-input` unless another class is given). */
export function SearchBox({ label, value, onChange, className = 'browse-input', ...rest }: Props) {
  return (
    <input
      type="search"
      className={className}
      value={value}
      placeholder={label}
      aria-label={label}
      onChange={(e) => onChange(e.target.value)}
      {...rest}
    />
  );
}
