// What a rule of a case finds wrong with what it was given: the field, named
// as the API names it, and what is wrong, in words a form can show beside it.
export interface CaseProblem {
  readonly field: string;
  readonly message: string;
}

/** Whether text was given: present and not only spaces. */
export function given(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '';
}
