// A case opens "specific and evidence-based": on a flag, or an item that
// carries its evidence, or at the council's own request in its words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openedFrom, openingProblems } from '../../../src/domain/improvement/index.ts';

const none = { flags: 0, evidencedItems: 0, unevidencedItems: 0, councilRequest: null };

describe('opening a case', () => {
  it('opens on a flag, an evidenced item or the council asking', () => {
    assert.deepEqual(openingProblems({ ...none, flags: 1 }), []);
    assert.deepEqual(openingProblems({ ...none, evidencedItems: 2 }), []);
    assert.deepEqual(openingProblems({ ...none, councilRequest: 'We would welcome help with our children’s services.' }), []);
  });

  it('refuses a case that cites nothing, naming the field', () => {
    const [problem] = openingProblems(none);
    assert.equal(problem?.field, 'flags');
    assert.match(problem!.message, /at least one flag/);
    assert.equal(openingProblems({ ...none, councilRequest: '   ' })[0]?.field, 'flags');
  });

  it('refuses an item without evidence even beside a flag', () => {
    assert.equal(openingProblems({ ...none, flags: 1, unevidencedItems: 1 })[0]?.field, 'items');
  });

  it('says what it opened from, hard data first', () => {
    assert.equal(openedFrom({ ...none, flags: 1, evidencedItems: 1 }), 'flags');
    assert.equal(openedFrom({ ...none, evidencedItems: 1 }), 'intelligence');
    assert.equal(openedFrom({ ...none, councilRequest: 'help' }), 'council_request');
  });
});
