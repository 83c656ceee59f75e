// Reading a number from a cell as people type them. Plain decimals and
// exponents are numbers; anything else is refused with what was probably
// meant, because a silently misread figure is worse than a rejected row.
export type NumberRead =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly reason: string; readonly suggestion?: string };

const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function readNumber(cell: string): NumberRead {
  const text = cell.trim();
  if (text === '') return { kind: 'empty' };
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { kind: 'number', value };
    return { kind: 'invalid', reason: `'${text}' is too large to be a finite number` };
  }
  if (/^[-+]?(nan|inf|infinity)$/i.test(text)) return { kind: 'invalid', reason: `'${text}' is not a finite number` };
  const stripped = text.replace(/,/g, '').replace(/%$/, '').replace(/^[£$€]/, '');
  if (stripped !== text && PLAIN_NUMBER.test(stripped)) {
    return { kind: 'invalid', reason: `'${text}' is not a plain number`, suggestion: stripped };
  }
  return { kind: 'invalid', reason: `'${text}' is not a number` };
}
