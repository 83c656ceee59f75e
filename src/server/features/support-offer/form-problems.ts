// A use-case's refusal as a form's problems: each named by its field's label
// and linked to the form's field, and, for a 409, the open record it ran
// into, so that the page can link to it.
import { capitalise, shownProblems, type FieldProblem } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

export interface Refusal {
  readonly status: number;
  readonly problems: readonly FieldProblem[];
  /** The open record a 409 names. */
  readonly open: { readonly id: number; readonly href: string } | null;
}

/** The refusal of a form's input; anything else (403, 404, a fault) goes on. `labels` maps the use-case's fields to the form's ids and labels. */
export function refusalOf(error: unknown, labels: Readonly<Record<string, readonly [id: string, label: string]>>): Refusal {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const details = error.details as { problems?: FieldProblem[]; open?: { id: number; href: string } } | undefined;
  const listed = details?.problems ?? [{ field: /^'([\w.[\]]+)'/.exec(error.message)?.[1] ?? '', message: error.message }];
  const problems = listed.map((p) => {
    const [id, label] = labels[p.field.replace(/\[\d+\]/, '[]')] ?? labels[p.field] ?? [p.field.replace(/[.[\]]/g, '-'), ''];
    const message = label ? p.message.replace(/^'[\w.[\]]+'/, label) : p.message.replace(/^'[\w.[\]]+':? ?/, '');
    return { field: id.replace('[]', /\[(\d+)\]/.exec(p.field)?.[1] ?? ''), message: capitalise(message) };
  });
  return { status: error.status, problems, open: details?.open ?? null };
}

/** The error summary's and fields' shapes, for a template. */
export function shown(refusal: Refusal | null) {
  const problems = refusal?.problems ?? [];
  return { ...shownProblems(problems), open: refusal?.open ?? null };
}
