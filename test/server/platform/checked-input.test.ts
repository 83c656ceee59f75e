// A form's problems as its page shows them: the error summary lists every
// problem, and beside each field is that field's first, the one the summary
// names first, whichever of the platform's two functions a page uses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorsOf, shownProblems } from '../../../src/server/platform/http/checked-input.ts';

const PROBLEMS = [
  { field: 'due', message: 'Enter the day it is due' },
  { field: 'owner', message: 'Choose who owns it' },
  { field: 'due', message: 'The day it is due must be after the meeting' },
];

describe("a form's problems, as its page shows them", () => {
  it('puts beside each field its first problem, as the error summary lists it first', () => {
    assert.deepEqual(errorsOf(PROBLEMS), { due: { text: 'Enter the day it is due' }, owner: { text: 'Choose who owns it' } });
  });

  it('gives the summary every problem, in order, and beside each field the same as errorsOf', () => {
    const shown = shownProblems(PROBLEMS);
    assert.deepEqual(shown.problems, PROBLEMS);
    assert.deepEqual(shown.errors, errorsOf(PROBLEMS));
  });

  it('shows nothing for a form without problems', () => {
    assert.deepEqual(shownProblems([]), { problems: [], errors: {} });
  });
});
