// The end of an agreement through its use-cases, on a real store and the
// benchmark index built from it: the council closes a signed-off agreement
// at a date, and each target's outcome in each area is frozen from the latest
// actual at or before the target period (achieved; partly, with the share;
// not achieved; not assessable), priced by the agreement's reward rule. A
// later import that revises the figure shows beside the frozen outcome and
// never changes it. Every refusal names its field; a partner may not close
// the agreement, and another council does not see its draft.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkIndex } from '../../../src/domain/benchmark/benchmark-index.ts';
import { buildIndex } from '../../../src/engine/benchmark-engine.ts';
import { readAgreement } from '../../../src/server/features/targets/agreement-view.ts';
import { addAgreement, openRefresh, signOff } from '../../../src/server/features/targets/agreements.ts';
import { closeAgreement, readOutcomes } from '../../../src/server/features/targets/outcomes.ts';
import { addTarget } from '../../../src/server/features/targets/targets.ts';
import { indexRatings } from '../../../src/server/platform/agreements/ratings.ts';
import type { Agreement } from '../../../src/store/agreements.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, organisation, refusalOf, user } from '../../support/access.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { AGREEMENT, TARGET } from './fixtures.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const MIDDLESBROUGH = 'E06000002';
const STOCKTON = 'E06000004';
const DARLINGTON = 'E06000005';
const AREAS = [DURHAM, HARTLEPOOL, MIDDLESBROUGH, STOCKTON, DARLINGTON];

describe("an agreement's end: outcomes frozen at a date", () => {
  let store: TestStore;
  let officer: User;
  let partner: User;
  let other: User;
  let index: BenchmarkIndex;
  const rate = indexRatings(() => index);

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const areas = await importText(
      store.sql,
      'tees.csv',
      ['code,name,type,region_code', `${MIDDLESBROUGH},Middlesbrough,unitary,E12000001`, `${STOCKTON},Stockton-on-Tees,unitary,E12000001`, `${DARLINGTON},Darlington,unitary,E12000001`].join('\n'),
    );
    assert.equal(areas.status, 'loaded');
    // Obesity, lower is better: from 30 towards 27 by 2010/11. Durham's later figure (2011/12) is after the target period and says nothing of it.
    const figures = await importText(
      store.sql,
      'obesity.csv',
      [
        'metric,area,period,value',
        `obesity,${DURHAM},2009/10,28`,
        `obesity,${DURHAM},2010/11,26.5`,
        `obesity,${DURHAM},2011/12,35`,
        `obesity,${HARTLEPOOL},2010/11,28`,
        `obesity,${MIDDLESBROUGH},2010/11,29.5`,
        `obesity,${STOCKTON},2010/11,31`,
      ].join('\n'),
    );
    assert.equal(figures.status, 'loaded');
    index = await buildIndex(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    const anglesey = await organisation(store.sql, 'Isle of Anglesey County Council', 'council', 'W06000001');
    officer = await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id);
    partner = await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id);
    other = await user(store.sql, 'officer@anglesey.example', 'performance_officer', anglesey.id);
  });
  after(() => store.close());

  const as = (person: User) => accessAs(store.sql, person);
  const partners = () => [
    { kind: 'council', name: 'Durham County Council' },
    { kind: 'health', name: 'County Durham PCT' },
    { kind: 'council', name: 'Hartlepool Borough Council', organisation: partner.organisationId },
  ];
  const draft = (title: string) => addAgreement(store.sql, as(officer), { ...AGREEMENT, title, areas: AREAS, partners: partners() });
  const signed = async (title: string): Promise<Agreement> => {
    const agreement = await draft(title);
    await addTarget(store.sql, as(officer), agreement.id, TARGET);
    return signOff(store.sql, as(officer), agreement.id, { revision: agreement.revision + 1 });
  };
  const problem = async (work: Promise<unknown>) => {
    const error = await refusalOf(work);
    return `${error.status} ${error.message}`;
  };

  it("freezes each area's outcome and reward share, and shows a later revision beside it without changing it", async () => {
    const agreement = await signed('Tees Valley LAA');
    const closed = await closeAgreement(store.sql, as(officer), agreement.id, { revision: agreement.revision, closedOn: '2011-06-30' }, rate);
    assert.equal(closed.status, 'closed');
    const read = await readOutcomes(store.sql, as(officer), agreement.id, rate);
    assert.equal(read.closedOn, '2011-06-30');
    assert.deepEqual(read.rewardRule, { version: 1, partFromShare: 0.6, words: read.rewardRule.words });
    const byArea = new Map(read.outcomes.map((o) => [o.area, o]));
    const seen = AREAS.map((area) => {
      const o = byArea.get(area)!;
      return [area, o.outcome, o.period, o.actual, o.share === null ? null : Number(o.share.toFixed(4)), Number(o.rewardShare.toFixed(4)), o.reason];
    });
    assert.deepEqual(seen, [
      [DURHAM, 'achieved', '2010/11', 26.5, 1.1667, 1, null],
      [HARTLEPOOL, 'partly_achieved', '2010/11', 28, 0.6667, 0.6667, null],
      [MIDDLESBROUGH, 'partly_achieved', '2010/11', 29.5, 0.1667, 0, null],
      [STOCKTON, 'not_achieved', '2010/11', 31, -0.3333, 0, null],
      [DARLINGTON, 'not_assessable', null, null, null, 0, 'no_data'],
    ]);
    assert.deepEqual(read.counts, { achieved: 1, partly_achieved: 2, not_achieved: 1, not_assessable: 1 });
    assert.equal(
      byArea.get(HARTLEPOOL)!.sentence,
      "Partly achieved: 28.0 in 2010/11, against a target of 27.0 from a baseline of 30.0; 67% of the improvement sought. Reward: 67% of the target's reward.",
    );
    assert.equal(byArea.get(DARLINGTON)!.sentence, "Not assessable: No data yet. Reward: 0% of the target's reward.");
    assert.match(byArea.get(DURHAM)!.rewardRule.words, /from 60% of the improvement sought/);
    assert.ok(read.outcomes.every((o) => o.now === null && o.frozenBy === officer.email));

    // Hartlepool's 2010/11 figure is revised to the target: the frozen outcome stands, and the data now say achieved beside it.
    const revision = await importText(store.sql, 'revised.csv', `metric,area,period,value\nobesity,${HARTLEPOOL},2010/11,27\n`);
    assert.equal(revision.status, 'loaded');
    index = await buildIndex(store.sql);
    const again = await readAgreement(store.sql, as(officer), agreement.id, rate);
    const hartlepool = again.targets[0]!.outcomes.find((o) => o.area === HARTLEPOOL)!;
    assert.deepEqual([hartlepool.outcome, hartlepool.actual, hartlepool.rewardShare.toFixed(4)], ['partly_achieved', 28, '0.6667']);
    assert.deepEqual([hartlepool.now?.outcome, hartlepool.now?.actual, hartlepool.now?.rewardShare], ['achieved', 27, 1]);
    assert.ok(
      again.targets[0]!.outcomes.filter((o) => o.area !== HARTLEPOOL).every((o) => o.now === null),
      'only the revised area shows a change',
    );
    await assert.rejects(store.sql`update target_outcome set outcome = 'achieved'`, /permission denied|kept/);
    const trail = await store.sql<{ summary: string }[]>`select summary from audit_event where record_kind = 'agreement' and record_id = ${String(agreement.id)} order by id desc limit 1`;
    assert.match(trail[0]?.summary ?? '', /^closed version 1 at 2011-06-30: 1 achieved, 2 partly achieved, 1 not achieved, 1 not assessable$/);
  });

  it('refuses what cannot close, naming the field', async () => {
    const agreement = await signed('Refusals LAA');
    const close = (fields: Record<string, unknown>, person = officer) =>
      problem(closeAgreement(store.sql, as(person), agreement.id, { revision: agreement.revision, closedOn: '2011-06-30', ...fields }, rate));
    assert.match(await close({ closedOn: '2011-03-30' }), /^400 'closedOn': 2011-03-30 is before the plan's last year \(2010\/11\) ends on 2011-03-31$/);
    assert.match(await close({ closedOn: '2999-04-01' }), /^400 'closedOn': 2999-04-01 is in the future/);
    assert.match(await close({ closedOn: '30/06/2011' }), /^400 .*closedOn/);
    assert.match(await close({ closedOn: undefined }), /^400 .*closedOn/);
    assert.match(await close({ revision: agreement.revision - 1 }), /^409 'revision': agreement \d+ was changed by/);
    assert.match(await close({}, partner), /^403 /, 'a partner may not close the agreement');
    assert.match(await close({}, other), /^403 /, 'another council reads a signed-off agreement but may not close it');
    const closed = await closeAgreement(store.sql, as(officer), agreement.id, { revision: agreement.revision, closedOn: '2011-03-31' }, rate);
    assert.match(await close({ revision: closed.revision }), /^409 'status': agreement \d+ is already closed/);

    const unsigned = await draft('Draft LAA');
    await addTarget(store.sql, as(officer), unsigned.id, TARGET);
    const fresh = await readAgreement(store.sql, as(officer), unsigned.id);
    assert.match(
      await problem(closeAgreement(store.sql, as(officer), unsigned.id, { revision: fresh.revision, closedOn: '2011-06-30' }, rate)),
      /^409 'status': only a signed-off agreement is closed; agreement \d+ is draft: sign it off first$/,
    );
    assert.match(await problem(closeAgreement(store.sql, as(other), unsigned.id, { revision: fresh.revision, closedOn: '2011-06-30' }, rate)), /^404 /, "another council's draft is not found");
    assert.equal((await readOutcomes(store.sql, as(officer), unsigned.id, rate)).outcomes.length, 0, 'no outcomes before it closes');

    const refreshing = await signed('Refreshing LAA');
    const opened = await openRefresh(store.sql, as(officer), refreshing.id, { revision: refreshing.revision });
    assert.match(
      await problem(closeAgreement(store.sql, as(officer), refreshing.id, { revision: opened.revision, closedOn: '2011-06-30' }, rate)),
      /^409 .* is in refresh: sign off the refresh first$/,
    );
  });

  it("prices the outcomes by the agreement's own reward rule, checked when it is given", async () => {
    const bad = await problem(addAgreement(store.sql, as(officer), { ...AGREEMENT, title: 'Bad rule', rewardRule: { version: 0, partFromShare: 1.5 } }));
    assert.match(bad, /^400 'rewardRule\.version' must be a whole number from 1; 'rewardRule\.partFromShare' must be a share above 0 and at most 1/);
    const agreement = await addAgreement(store.sql, as(officer), { ...AGREEMENT, title: 'Strict LAA', areas: AREAS, partners: partners(), rewardRule: { version: 2, partFromShare: 0.1 } });
    await addTarget(store.sql, as(officer), agreement.id, TARGET);
    const done = await signOff(store.sql, as(officer), agreement.id, { revision: agreement.revision + 1 });
    await closeAgreement(store.sql, as(officer), agreement.id, { revision: done.revision, closedOn: '2011-06-30' }, rate);
    const read = await readOutcomes(store.sql, as(officer), agreement.id, rate);
    assert.match(read.rewardRule.words, /from 10% of the improvement sought/);
    const middlesbrough = read.outcomes.find((o) => o.area === MIDDLESBROUGH)!;
    assert.deepEqual(
      [middlesbrough.outcome, Number(middlesbrough.rewardShare.toFixed(4)), middlesbrough.rewardRule.version],
      ['partly_achieved', 0.1667, 2],
      "a sixth of the way earns its share above the 10% this agreement asks (nothing under 2008's 60%)",
    );
    assert.equal(read.outcomes.find((o) => o.area === DURHAM)!.rewardShare, 1);
  });

  it('leaves a placeholder not assessable, with its reason', async () => {
    const agreement = await draft('Placeholder LAA');
    await addTarget(store.sql, as(officer), agreement.id, { ...TARGET, baseline: null, targetValue: null, trajectory: [], placeholderDue: '2009-03-31' });
    const done = await signOff(store.sql, as(officer), agreement.id, { revision: agreement.revision + 1 });
    await closeAgreement(store.sql, as(officer), agreement.id, { revision: done.revision, closedOn: '2011-04-01' }, rate);
    const read = await readOutcomes(store.sql, as(officer), agreement.id, rate);
    assert.deepEqual(new Set(read.outcomes.map((o) => `${o.outcome} ${o.reason}`)), new Set(['not_assessable placeholder']));
  });
});
