// The question sets kept with Lantern, loaded into a real store: loading them
// again changes nothing, and a kept file that changed a set's wording at a
// version already held is refused naming the version to give, rather than
// left silently unloaded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { keptQuestionSets, loadQuestionSets } from '../../src/ingest/question-sets.ts';
import { getQuestionSet } from '../../src/store/surveys.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('loadQuestionSets(sql, folder)', () => {
  let store: TestStore;
  let folder: string;

  before(async () => {
    store = await openTestStore();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-sets-'));
  });
  after(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    await store.close();
  });

  it('keeps the sets once, and changes nothing when loaded again', async () => {
    assert.equal(await loadQuestionSets(store.sql), keptQuestionSets().length);
    assert.equal(await loadQuestionSets(store.sql), 0);
  });

  it('refuses a kept set reworded at a version already held, naming the next version, and keeps the held one', async () => {
    const [lga] = keptQuestionSets();
    const reworded = { ...lga!, questions: lga!.questions.map((q, i) => (i === 0 ? { ...q, wording: 'How do you rate your area?' } : q)) };
    fs.writeFileSync(path.join(folder, 'changed.json'), JSON.stringify(reworded));
    await assert.rejects(loadQuestionSets(store.sql, folder), /is already held with other questions or wording: give the changed set version 2/);
    const held = await getQuestionSet(store.sql, lga!.code, lga!.version);
    assert.equal(held?.questions[0]?.wording, lga!.questions[0]?.wording);
    fs.writeFileSync(path.join(folder, 'changed.json'), JSON.stringify({ ...reworded, version: lga!.version + 1 }));
    assert.equal(await loadQuestionSets(store.sql, folder), 1, 'as a new version it is kept');
  });
});
