// Reading a number from a cell as people type them. Plain decimals and
// exponents are numbers; anything else is refused with what was probably
// meant, because a silently misread figure is worse than a rejected row.
export type NumberRead = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'empty' } | { readonly kind: 'invalid'; readonly reason: string; readonly suggestion?: string };

const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

const EMPTY: NumberRead = Object.freeze({ kind: 'empty' });

export function readNumber(cell: string): NumberRead {
  const text = cell.trim();
  if (text === '') return EMPTY;
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { kind: 'number', value };
    return { kind: 'invalid', reason: `'${text}' is too large to be a finite number` };
  }
  if (/^[-+]?(nan|inf|infinity)$/i.test(text)) return { kind: 'invalid', reason: `'${text}' is not a finite number` };
  const unformatted = text.replace(/%$/, '').replace(/^[£$€]/, '');
  // Commas only as thousands separators (1,234.5): '2,5' is a decimal comma, not 25.
  const stripped = THOUSANDS.test(unformatted) ? unformatted.replace(/,/g, '') : unformatted;
  if (stripped !== text && PLAIN_NUMBER.test(stripped)) {
    return { kind: 'invalid', reason: `'${text}' is not a plain number`, suggestion: stripped };
  }
  return { kind: 'invalid', reason: `'${text}' is not a number` };
}

/** The fast path of readNumber for the common cell, untrimmed and plain: its value, or undefined to take the slow path. */
export function plainNumberOf(cell: string): number | undefined {
  if (!PLAIN_NUMBER.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}
