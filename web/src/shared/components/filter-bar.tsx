/**
 * The filter bar of a list: active filters as removable chips, and a form that adds any of the list's API filters
 * with a control suited to the field (text, choice, severity, count, list element, yes/no).
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { type FilterField, isMultiValue, opLabel, valueLabel } from '../lib/filter-spec.ts';
import type { ActiveFilter, FilterOp } from '../lib/list-query.ts';
import { SEVERITIES, severityLabel } from '../lib/severity.ts';

/** Props of FilterBar. */
export interface FilterBarProps {
  fields: readonly FilterField[];
  active: readonly ActiveFilter[];
  /** Replaces one filter's values (an empty list removes it). */
  onChange: (field: string, op: FilterOp, values: string[]) => void;
  onClear: () => void;
}

/** Chips for active filters, plus the add-filter form. */
export function FilterBar({ fields, active, onChange, onClear }: FilterBarProps): ReactNode {
  const byName = new Map(fields.map((field) => [field.field, field]));
  return (
    <section className="filter-bar" aria-label="Filters">
      <AddFilterForm fields={fields} active={active} onChange={onChange} />
      {active.length > 0 ? (
        <ul className="chips" aria-label="Active filters">
          {active.map((filter) => {
            const field = byName.get(filter.field);
            const text = `${field?.label ?? filter.field} ${opLabel(filter.op)} ${filter.values
              .map((value) => valueLabel(field, field?.kind === 'severity' ? severityLabel(value) : value))
              .join(filter.op === 'contains' ? ' and ' : ' or ')}`;
            return (
              <li key={`${filter.field}[${filter.op}]`} className="chip" data-filter={`${filter.field}[${filter.op}]`}>
                <span>{text}</span>
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={`Remove filter: ${text}`}
                  onClick={() => onChange(filter.field, filter.op, [])}
                >
                  ×
                </button>
              </li>
            );
          })}
          <li>
            <button type="button" className="btn btn--ghost btn--small" onClick={onClear}>
              Clear all
            </button>
          </li>
        </ul>
      ) : null}
    </section>
  );
}

function AddFilterForm({ fields, active, onChange }: Omit<FilterBarProps, 'onClear'>): ReactNode {
  const id = useId();
  const [fieldName, setFieldName] = useState(fields[0]?.field ?? '');
  const field = fields.find((candidate) => candidate.field === fieldName) ?? fields[0];
  const [op, setOp] = useState<FilterOp>(field?.ops[0] ?? 'is');
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  if (!field) return null;
  const currentOp = field.ops.includes(op) ? op : (field.ops[0] as FilterOp);
  const choices = choicesOf(field);
  const multi = isMultiValue(currentOp);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let values: string[];
    if (choices && multi) values = picked;
    else if (choices) values = picked.slice(0, 1).length ? picked.slice(0, 1) : [choices[0]?.value ?? ''];
    else if (multi) values = text.split(',').map((value) => value.trim());
    else values = [text.trim()];
    values = values.filter((value) => value !== '');
    if (field.kind === 'count' && values.some((value) => !/^\d+$/.test(value))) return;
    if (values.length === 0) return;
    const existing = active.find((filter) => filter.field === field.field && filter.op === currentOp);
    const merged = multi && existing ? [...new Set([...existing.values, ...values])] : values;
    onChange(field.field, currentOp, merged);
    setText('');
    setPicked([]);
  };

  return (
    <form className="filter-form" onSubmit={submit} aria-label="Add a filter">
      <label htmlFor={`${id}-field`}>Filter</label>
      <select
        id={`${id}-field`}
        value={field.field}
        onChange={(event) => {
          setFieldName(event.target.value);
          setPicked([]);
          setText('');
        }}
      >
        {fields.map((candidate) => (
          <option key={candidate.field} value={candidate.field}>
            {candidate.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-op`} className="sr-only">
        Operator
      </label>
      <select id={`${id}-op`} value={currentOp} onChange={(event) => setOp(event.target.value as FilterOp)}>
        {field.ops.map((candidate) => (
          <option key={candidate} value={candidate}>
            {opLabel(candidate)}
          </option>
        ))}
      </select>
      {choices && multi ? (
        <fieldset className="filter-form__choices">
          <legend className="sr-only">Values</legend>
          {choices.map((choice) => (
            <label key={choice.value} className="check">
              <input
                type="checkbox"
                checked={picked.includes(choice.value)}
                onChange={(event) =>
                  setPicked((list) =>
                    event.target.checked ? [...list, choice.value] : list.filter((value) => value !== choice.value),
                  )
                }
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
      ) : choices ? (
        <>
          <label htmlFor={`${id}-value`} className="sr-only">
            Value
          </label>
          <select
            id={`${id}-value`}
            value={picked[0] ?? choices[0]?.value ?? ''}
            onChange={(event) => setPicked([event.target.value])}
          >
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-value`} className="sr-only">
            Value
          </label>
          <input
            id={`${id}-value`}
            type={field.kind === 'count' ? 'number' : 'text'}
            min={field.kind === 'count' ? 0 : undefined}
            inputMode={field.kind === 'count' ? 'numeric' : undefined}
            value={text}
            placeholder={multi ? 'one, or several separated by commas' : 'value'}
            onChange={(event) => setText(event.target.value)}
          />
        </>
      )}
      <button type="submit" className="btn btn--small">
        Add filter
      </button>
    </form>
  );
}

function choicesOf(field: FilterField): readonly { value: string; label: string }[] | undefined {
  if (field.kind === 'severity') return SEVERITIES.map((value) => ({ value, label: severityLabel(value) }));
  if (field.kind === 'choice' || field.kind === 'boolean') return field.options;
  return undefined;
}
