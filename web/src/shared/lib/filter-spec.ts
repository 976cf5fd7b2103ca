/** Declarations of each list's filters, from which the filter bar builds friendly controls. */
import type { FilterOp } from './list-query.ts';

/** How a filter's value is entered: free text, a fixed choice, a severity, a count, a list element, a yes/no. */
export type FilterKind = 'text' | 'choice' | 'severity' | 'count' | 'element' | 'boolean';

/** One filterable field of a list. */
export interface FilterField {
  field: string;
  label: string;
  kind: FilterKind;
  ops: readonly FilterOp[];
  /** For `choice` and `boolean` fields: the values and their labels. */
  options?: readonly { value: string; label: string }[];
}

/** The five string operators (S5 in the API docs). */
export const TEXT_OPS = ['contains', 'is', 'isNot', 'start', 'end'] as const satisfies readonly FilterOp[];
/** The four number operators (N4 in the API docs). */
export const COUNT_OPS = ['gte', 'lte', 'is', 'isNot'] as const satisfies readonly FilterOp[];
/** Operators of list-valued fields. */
export const ELEMENT_OPS = ['containElements', 'doesntContainElements'] as const satisfies readonly FilterOp[];

const OP_LABELS: Record<FilterOp, string> = {
  is: 'is',
  isNot: 'is not',
  start: 'starts with',
  end: 'ends with',
  contains: 'contains',
  gte: 'at least',
  lte: 'at most',
  containElements: 'includes',
  doesntContainElements: 'excludes',
};

/** Friendly name of an operator ("starts with"). */
export function opLabel(op: FilterOp): string {
  return OP_LABELS[op];
}

/** Whether an operator takes several values (the API ORs `is`/`isNot` values and ANDs `contains` values). */
export function isMultiValue(op: FilterOp): boolean {
  return (
    op === 'is' || op === 'isNot' || op === 'contains' || op === 'containElements' || op === 'doesntContainElements'
  );
}

/** A value's label for display: the option's label for choices, the value itself otherwise. */
export function valueLabel(field: FilterField | undefined, value: string): string {
  return field?.options?.find((option) => option.value === value)?.label ?? value;
}

/** A free-text filter with the five string operators. */
export function textFilter(field: string, label: string): FilterField {
  return { field, label, kind: 'text', ops: TEXT_OPS };
}

/** A count filter ("at least 3 resources"). */
export function countFilter(field: string, label: string): FilterField {
  return { field, label, kind: 'count', ops: COUNT_OPS };
}

/** A filter on one element of a list-valued field (a label, an analyzer). */
export function elementFilter(field: string, label: string): FilterField {
  return { field, label, kind: 'element', ops: ELEMENT_OPS };
}

/** A filter option: a bare value is shown as it is (resource or application types). */
export type FilterOption = string | { value: string; label: string };

/** A one-of filter over fixed values (`boolean` for a yes/no field). */
export function choiceFilter(
  field: string,
  label: string,
  options: readonly FilterOption[],
  kind: 'choice' | 'boolean' = 'choice',
): FilterField {
  return {
    field,
    label,
    kind,
    ops: ['is'],
    options: options.map((option) => (typeof option === 'string' ? { value: option, label: option } : option)),
  };
}

/** The highest-severity filter of lists whose rows carry severity counts. */
export const HIGHEST_SEVERITY_FILTER: FilterField = {
  field: 'vulnerabilitySeverity',
  label: 'Highest severity',
  kind: 'severity',
  ops: ['gte', 'lte'],
};
