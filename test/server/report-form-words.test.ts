// problemsInWords(problems): the report builder's and the headline report's
// problems, as the report definition names them, worded by the labels the
// reader sees on the page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsInWords } from '../../src/server/features/reports/report-form.ts';

describe('problemsInWords(problems)', () => {
  it('asks for a missing field by its label', () => {
    assert.deepEqual(problemsInWords(Object.freeze([{ field: 'title', message: 'this is required' }])), [{ field: 'title', message: 'Enter the title' }]);
  });

  it("names a section's field by the section's number, counted from one", () => {
    assert.deepEqual(
      problemsInWords([
        { field: 'sections[1].metrics', message: 'choose at least one metric' },
        { field: 'sections[0].title', message: 'this is longer than 200 characters' },
      ]),
      [
        { field: 'sections[1].metrics', message: 'Section 2, metrics: choose at least one metric' },
        { field: 'sections[0].title', message: 'Section 1, title: it is longer than 200 characters' },
      ],
    );
  });

  it('says which councils Lantern does not know, under the label Councils', () => {
    assert.deepEqual(problemsInWords([{ field: 'areas', message: 'not GSS codes of councils Lantern holds: E06999999' }]), [
      { field: 'areas', message: 'Councils: Lantern does not know E06999999; give GSS codes of councils Lantern holds' },
    ]);
  });

  it('leaves no field named as the definition names it', () => {
    for (const { message } of problemsInWords([
      { field: 'group', message: 'the comparator group must be one of neighbours, region' },
      { field: 'sections', message: 'a report needs at least one section' },
    ])) {
      assert.doesNotMatch(message, /sections\[|'\w+'/);
      assert.match(message, /^[A-Z]/);
    }
  });
});
