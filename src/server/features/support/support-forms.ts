// What the support feature's forms share: a use-case's refusal as the
// form's problems, each linked to its own box. The API names a row of a list
// as 'metrics[0].byPeriod'; the form's box is metric-1-byPeriod. A problem of
// a whole list points at its first row; a stale reading (409) keeps its
// whole message, which names who changed the package and when.
import { capitalise, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

export type Form = Record<string, string | undefined>;

const LISTS: Readonly<Record<string, [row: string, first: string]>> = {
  providers: ['provider', 'name'],
  milestones: ['milestone', 'title'],
  metrics: ['metric', 'metric'],
};

/** The form's box for a use-case's field. */
export function boxOf(field: string): string {
  const row = /^(\w+)\[(\d+)\]\.?(\w*)/.exec(field);
  const list = LISTS[row?.[1] ?? field];
  if (row && list) return `${list[0]}-${Number(row[2]) + 1}-${row[3] || list[1]}`;
  if (list) return `${list[0]}-1-${list[1]}`;
  return field.replace(/\W.*$/, '');
}

export function formProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const listed = (error.details as { problems?: FieldProblem[] } | undefined)?.problems;
  // A stale reading keeps its whole message (who changed it, when), at the top of the form.
  if (error.code === 'stale') return [{ field: 'main-content', message: capitalise(error.message.replace(/^'revision': /, '')) }];
  const given = listed ?? [{ field: /^'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  return given.map((p) => {
    const box = boxOf(p.field);
    const rest = p.message.replace(/^'[\w.[\]]+':? ?/, '');
    // A schema's words ('must be a number') need the box's name before them.
    return { field: box, message: capitalise(/^(must|is|holds|lists) /.test(rest) ? `${labelOf(box)} ${rest}` : rest) };
  });
}

/** A box's name in words: metric-1-baselineValue is 'metric 1 baseline value'. */
function labelOf(box: string): string {
  return box
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('-', ' ')
    .toLowerCase();
}
