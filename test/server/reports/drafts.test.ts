// The reports' use-cases (src/server/features/reports/drafts.ts) as the
// builder and the headline form both call them: one check of the definition
// whose problems name their fields, a draft audited as what it is, a draft
// found by its own organisation only, and the console asked to sign in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkIndex } from '../../../src/domain/benchmark/benchmark-index.ts';
import { buildIndex } from '../../../src/engine/benchmark-engine.ts';
import { addDraft, changeDraft, findDraft } from '../../../src/server/features/reports/drafts.ts';
import { consoleAccess } from '../../../src/server/platform/access/console-access.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, organisation, refusalOf, user } from '../../support/access.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

describe('report drafts, made and changed through their use-cases', () => {
  let store: TestStore;
  let index: BenchmarkIndex;
  let officer: User;
  let outsider: User;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    assert.equal((await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2022/23,31.2\nobesity,${HARTLEPOOL},2022/23,33.9\n`)).status, 'loaded');
    index = await buildIndex(store.sql);
    officer = await user(store.sql, 'officer@durham.example', 'performance_officer', (await organisation(store.sql, 'Durham County Council', 'council', DURHAM)).id);
    outsider = await user(store.sql, 'officer@hartlepool.example', 'performance_officer', (await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL)).id);
  });
  after(() => store.close());

  const definition = (title: string, metric = 'obesity') => ({ title, areas: DURHAM, group: 'neighbours', notes: '', sections: [{ title: 'Health', metrics: [metric], notes: '' }] });
  const summaries = async () => (await store.sql<{ summary: string }[]>`select summary from audit_event where record_kind = 'report' and action = 'change' order by id`).map((e) => e.summary);

  it("refuses a definition with a metric the index does not hold, naming the section's field, and stores nothing", async () => {
    const error = await refusalOf(addDraft(store.sql, accessAs(store.sql, officer, DURHAM), index, definition('Bad', 'no-such-metric')));
    assert.equal(error.status, 400);
    assert.deepEqual(
      (error.details as { problems: { field: string }[] }).problems.map((p) => p.field),
      ['sections[0].metrics'],
    );
    assert.deepEqual(await summaries(), []);
  });

  it('drafts from the builder and as the headline report, each audited as what it is; changes a draft', async () => {
    const drafted = await addDraft(store.sql, accessAs(store.sql, officer, DURHAM), index, definition('Our health'));
    await addDraft(store.sql, accessAs(store.sql, officer, DURHAM), index, definition('Our priorities'), 'headline report');
    await changeDraft(store.sql, accessAs(store.sql, officer, DURHAM), index, String(drafted.id), definition('Our health, again'));
    assert.deepEqual(await summaries(), ["drafted report 'Our health'", "made headline report 'Our priorities'", "changed report 'Our health, again'"]);
    assert.equal((await findDraft(store.sql, accessAs(store.sql, officer, DURHAM), String(drafted.id), 'change')).title, 'Our health, again');
    assert.equal((await refusalOf(changeDraft(store.sql, accessAs(store.sql, outsider, HARTLEPOOL), index, String(drafted.id), definition('Taken')))).status, 404);
  });

  it("asks the console to sign in: a draft is an organisation's", async () => {
    const error = await refusalOf(addDraft(store.sql, consoleAccess(store.sql), index, definition("Nobody's")));
    assert.equal(error.status, 401);
    assert.equal(error.message, "Sign in to see your organisation's reports.");
  });
});
