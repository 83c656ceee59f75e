// The demo's library on the demo's data: the award winners quoted from the
// Improvement Board's report with their source, the invented case studies
// marked illustrative, all published; loading the demo again adds nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoCaseStudies } from '../../../src/server/features/good-practice/demo-case-studies.ts';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { getCaseStudy, searchCaseStudies } from '../../../src/store/case-studies.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

describe('the demo’s good-practice library', () => {
  let store: TestStore;
  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo password 1', () => {});
  });
  after(() => store?.close());

  it('publishes the award winners with their source and the invented ones marked illustrative, once', async () => {
    const said: string[] = [];
    await createDemoCaseStudies(store.sql, (line) => said.push(line));
    await createDemoCaseStudies(store.sql, (line) => said.push(line));
    assert.equal(said.length, 1);
    const found = await searchCaseStudies(store.sql, { kind: 'public' }, { offset: 0, limit: 50 });
    assert.equal(found.total, 5);
    const studies = await Promise.all(found.items.map(async (i) => (await getCaseStudy(store.sql, i.id))!));
    const awards = studies.filter((s) => s.source === 'award');
    assert.equal(awards.length, 2);
    assert.ok(awards.every((s) => !s.illustrative && s.sourceNote?.includes('002') && s.body.includes('\u201c')));
    assert.ok(studies.filter((s) => s.source !== 'award').every((s) => s.illustrative && s.metrics.length === 1));
    const onMetric = await searchCaseStudies(store.sql, { kind: 'public' }, { metric: 'percentage-of-physically-active-adults', offset: 0, limit: 5 });
    assert.equal(onMetric.total, 1);
  });
});
