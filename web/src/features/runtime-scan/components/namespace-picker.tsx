/** A namespace multi-select: a filterable checkbox list; nothing selected means every namespace. */
import { type ReactNode, useId, useState } from 'react';

/** Props of NamespacePicker. */
export interface NamespacePickerProps {
  label: string;
  namespaces: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
}

/** The picker; with more than eight namespaces a filter box narrows the list. */
export function NamespacePicker({ label, namespaces, selected, onChange, disabled }: NamespacePickerProps): ReactNode {
  const id = useId();
  const [filter, setFilter] = useState('');
  const shown = namespaces.filter((name) => name.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (name: string, on: boolean) =>
    onChange(on ? [...selected, name].sort() : selected.filter((candidate) => candidate !== name));
  return (
    <fieldset className="ns-picker" disabled={disabled}>
      <legend>{label}</legend>
      <p className="field__hint" aria-live="polite">
        {selected.length === 0 ? 'All namespaces' : `${selected.length} selected: ${selected.join(', ')}`}
      </p>
      {namespaces.length > 8 ? (
        <>
          <label htmlFor={`${id}-filter`} className="sr-only">
            Filter namespaces
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            placeholder="Filter namespaces"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </>
      ) : null}
      <div className="ns-picker__list">
        {shown.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={selected.includes(name)}
              onChange={(event) => toggle(name, event.target.checked)}
            />
            {name}
          </label>
        ))}
        {namespaces.length === 0 ? <span className="muted">No namespaces found.</span> : null}
      </div>
      {selected.length > 0 ? (
        <button type="button" className="btn btn--link btn--small" onClick={() => onChange([])}>
          Clear (scan all namespaces)
        </button>
      ) : null}
    </fieldset>
  );
}
