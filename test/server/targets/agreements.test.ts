// The agreements' and targets' use-cases (src/server/features/targets/)
// called as the API calls them, as a council's officer, a partner, the
// government office and another council: the good path from draft to
// sign-off, refresh and review; every refusal naming its field; a stale edit
// answered 409 naming who changed it; another council's draft not found; and
// every change in the audit trail.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { readAgreement, readTarget } from '../../../src/server/features/targets/agreement-view.ts';
import { addAgreement, changeAgreement, openRefresh, signOff } from '../../../src/server/features/targets/agreements.ts';
import { recordReview } from '../../../src/server/features/targets/reviews.ts';
import { importTargets } from '../../../src/server/features/targets/target-import.ts';
import { addTarget, changeTarget } from '../../../src/server/features/targets/targets.ts';
import { consoleAccess } from '../../../src/server/platform/access/console-access.ts';
import { changesOf } from '../../../src/store/targets.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, organisation, refusalOf, user } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { AGREEMENT, TARGET } from './fixtures.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

describe('agreements and targets through their use-cases', () => {
  let store: TestStore;
  let officer: User;
  let colleague: User;
  let other: User;
  let government: User;
  let inspector: User;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    const go = await organisation(store.sql, 'Government Office North East', 'government');
    const ofsted = await organisation(store.sql, 'Inspectorate', 'inspectorate');
    officer = await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id, 'Olive Officer');
    colleague = await user(store.sql, 'colleague@durham.example', 'performance_officer', durham.id, 'Colin Colleague');
    other = await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id);
    government = await user(store.sql, 'go@gone.example', 'government_officer', go.id);
    inspector = await user(store.sql, 'inspector@inspectorate.example', 'inspector', ofsted.id);
  });
  after(() => store.close());

  const as = (person: User) => accessAs(store.sql, person, person === other ? HARTLEPOOL : DURHAM);
  const fresh = async (title = `LAA ${Math.random().toString(36).slice(2, 8)}`) => addAgreement(store.sql, as(officer), { ...AGREEMENT, title });
  const problem = async (work: Promise<unknown>) => {
    const error = await refusalOf(work);
    return { status: error.status, message: error.message };
  };

  it('records a draft, adds a target drawn as a straight line, signs it off, refreshes with reasons, and audits each step', async () => {
    const agreement = await fresh('County Durham LAA');
    assert.deepEqual([agreement.status, agreement.version, agreement.revision], ['draft', 1, 1]);
    const target = await addTarget(store.sql, as(officer), agreement.id, TARGET);
    assert.deepEqual(target.trajectory, [
      { period: '2008/09', value: 29 },
      { period: '2009/10', value: 28 },
      { period: '2010/11', value: 27 },
    ]);
    const signed = await signOff(store.sql, as(officer), agreement.id, { revision: 2 });
    assert.deepEqual([signed.status, signed.version], ['signed_off', 1]);
    const refused = await problem(changeTarget(store.sql, as(officer), agreement.id, target.id, { revision: target.revision, targetValue: 28 }));
    assert.equal(refused.status, 409);
    assert.match(refused.message, /^'status': agreement \d+ is signed off \(version 1\): targets change only in its annual refresh/);
    const refreshing = await openRefresh(store.sql, as(officer), agreement.id, { revision: signed.revision });
    assert.deepEqual([refreshing.status, refreshing.version], ['in_refresh', 2]);
    const noReason = await problem(changeTarget(store.sql, as(officer), agreement.id, target.id, { revision: target.revision, targetValue: 28 }));
    assert.match(noReason.message, /^'change' is required/);
    const change = { reason: 'The downturn', proposedBy: 'Durham PCT board', approvedBy: 'Government Office North East', changedOn: '2010-03-15' };
    const changed = await changeTarget(store.sql, as(officer), agreement.id, target.id, { revision: target.revision, targetValue: 28, change });
    assert.equal(changed.trajectory.at(-1)?.value, 28);
    const log = await changesOf(store.sql, target.id);
    assert.deepEqual(
      log.filter((c) => c.field === 'targetValue').map((c) => [c.version, c.oldValue, c.newValue, c.reason, c.approvedBy]),
      [[2, 27, 28, 'The downturn', 'Government Office North East']],
    );
    const renumbered = await changeTarget(store.sql, as(officer), agreement.id, target.id, { revision: changed.revision, reference: 'NI 56a', change });
    const traced = await readTarget(store.sql, as(government), agreement.id, 'NI 56');
    assert.deepEqual([traced.id, traced.reference, traced.formerReferences], [renumbered.id, 'NI 56a', ['NI 56']]);
    assert.deepEqual(
      traced.changes.map((c) => [c.field, c.oldValue, c.newValue]),
      [
        ['targetValue', 27, 28],
        ['trajectory', target.trajectory, changed.trajectory],
        ['reference', 'NI 56', 'NI 56a'],
      ],
    );
    assert.equal((await refusalOf(readTarget(store.sql, as(government), agreement.id, 'NI 99'))).status, 404);
    const events = await store.sql<{ record_kind: string; summary: string }[]>`
      select record_kind, summary from audit_event where record_kind in ('agreement', 'target') and action = 'change' and (record_id = ${String(agreement.id)} or record_id = ${String(target.id)}) order by id`;
    assert.deepEqual(
      events.map((e) => e.summary.replace(/'.*'/, "'…'").split(' (')[0]),
      ["recorded agreement '…'", 'added target NI 56', 'signed off version 1 with 1 targets', 'opened the refresh to version 2', 'changed targetValue, trajectory', 'changed reference'],
    );
  });

  it('answers a stale edit with 409 naming who changed the record since', async () => {
    const agreement = await fresh();
    const target = await addTarget(store.sql, as(officer), agreement.id, TARGET);
    await changeTarget(store.sql, as(colleague), agreement.id, target.id, { revision: target.revision, targetValue: 26 });
    const stale = await refusalOf(changeTarget(store.sql, as(officer), agreement.id, target.id, { revision: target.revision, targetValue: 25 }));
    assert.equal(stale.status, 409);
    assert.match(stale.message, /^'revision': target NI 56 was changed by colleague@durham.example at .* since you read it \(revision 1, now 2\)/);
    const staleAgreement = await refusalOf(changeAgreement(store.sql, as(officer), agreement.id, { ...AGREEMENT, title: 'Old reading', revision: 1 }));
    assert.equal(staleAgreement.status, 409);
    assert.match(staleAgreement.message, /changed by colleague@durham.example/);
  });

  it('refuses bad targets, each naming its field, and writes none of them', async () => {
    const agreement = await fresh();
    const add = (fields: Record<string, unknown>) => problem(addTarget(store.sql, as(officer), agreement.id, { ...TARGET, ...fields }));
    assert.match((await add({ metric: 'no-such-metric' })).message, /^'metric': no-such-metric is not a metric in the library/);
    assert.match((await add({ areas: [HARTLEPOOL] })).message, /^'areas\[0\]': E06000001 is not one of agreement \d+'s areas/);
    assert.match((await add({ areas: ['E06000999'] })).message, /^'areas\[0\]': E06000999 is not an area Lantern knows/);
    assert.match((await add({ leadPartner: 'Durham Constabulary' })).message, /^'leadPartner': Durham Constabulary is not a partner of agreement/);
    assert.match((await add({ targetPeriod: '2010' })).message, /^'targetPeriod' 2010 is a calendar year, but obesity is counted per financial year/);
    assert.match(
      (
        await add({
          trajectoryShape: 'profiled',
          trajectory: [
            { period: '2009/10 Q1', value: 28 },
            { period: '2010/11', value: 27 },
          ],
        })
      ).message,
      /'trajectory\[0\]\.period' 2009\/10 Q1 is not of the trajectory's kind/,
    );
    assert.match(
      (await add({ trajectoryShape: 'profiled', trajectory: [{ period: '2011/12', value: 27 }] })).message,
      /'trajectory\[0\]\.period' 2011\/12 is outside the plan \(2008\/09 to 2010\/11\)/,
    );
    assert.match(
      (
        await add({
          trajectoryShape: 'profiled',
          trajectory: [
            { period: '2009/10', value: 28 },
            { period: '2010/11', value: 26 },
          ],
        })
      ).message,
      /the last value of 'trajectory' \(26\) must be the target \(27\)/,
    );
    assert.match((await add({ targetValue: 32 })).message, /'worseThanBaselineReason' must say why it was agreed/);
    assert.match((await add({ toleranceRule: { kind: 'relative', version: 1 } })).message, /'toleranceRule\.greenWithinPercent'/);
    assert.match((await add({ baseline: null })).message, /^'baseline' is required, or 'placeholderDue'/);
    assert.equal((await store.sql<{ n: number }[]>`select count(*)::int as n from target where agreement_id = ${agreement.id}`)[0]!.n, 0);
    await addTarget(store.sql, as(officer), agreement.id, { ...TARGET, targetValue: 32, worseThanBaselineReason: 'A survey baseline that overstated the start' });
    const twice = await add({ reference: 'NI 56' });
    assert.deepEqual([twice.status, twice.message.split(':')[0]], [409, "'reference'"]);
    assert.match((await add({ reference: 'NI 57' })).message, /^'metric': target NI 56 already sets obesity for E06000047/);
    const placeholder = await addTarget(store.sql, as(officer), agreement.id, {
      ...TARGET,
      reference: 'NI 8',
      metric: 'visits',
      targetPeriod: '2010',
      baseline: null,
      targetValue: null,
      placeholderDue: '2009-06-30',
    });
    assert.equal(placeholder.placeholderDue, '2009-06-30');
  });

  it('caps designated targets at the agreement’s number', async () => {
    const agreement = await addAgreement(store.sql, as(officer), { ...AGREEMENT, title: 'Capped', designatedCap: 1 });
    await addTarget(store.sql, as(officer), agreement.id, TARGET);
    const over = await problem(
      addTarget(store.sql, as(officer), agreement.id, { ...TARGET, reference: 'NI 8', metric: 'visits', targetPeriod: '2010', baseline: { period: '2008', value: 100 }, targetValue: 120 }),
    );
    assert.match(over.message, /^'kind': agreement \d+ allows 1 designated targets/);
  });

  it("shows a draft to its council and the government office, and answers another council's officer as if it did not exist", async () => {
    const agreement = await fresh();
    await addTarget(store.sql, as(officer), agreement.id, TARGET);
    assert.equal((await readAgreement(store.sql, as(government), agreement.id)).targets.length, 1);
    assert.equal((await refusalOf(readAgreement(store.sql, as(other), agreement.id))).status, 404);
    assert.equal((await refusalOf(addTarget(store.sql, as(other), agreement.id, { ...TARGET, reference: 'NI 1' }))).status, 404);
    assert.equal((await refusalOf(changeAgreement(store.sql, as(government), agreement.id, { ...AGREEMENT, revision: 2 }))).status, 403);
    const guessed = await refusalOf(readAgreement(store.sql, as(other), 999_999));
    assert.deepEqual([guessed.status, guessed.message.replace(/\d+/, 'N')], [404, (await refusalOf(readAgreement(store.sql, as(other), agreement.id))).message.replace(/\d+/, 'N')]);
  });

  it('records a review only with its narrative, freezes its line, and keeps risks from those outside', async () => {
    const agreement = await fresh();
    const target = await addTarget(store.sql, as(officer), agreement.id, { ...TARGET, targetValue: 32, worseThanBaselineReason: 'Downturn' });
    const bare = await problem(recordReview(store.sql, as(officer), agreement.id, target.id, { reviewedOn: '2009-09-30', likelihood: 'amber_red' }));
    assert.match(bare.message, /^'narrative' is required: say why delivery is judged Amber\/Red/);
    const review = await recordReview(store.sql, as(officer), agreement.id, target.id, {
      reviewedOn: '2009-09-30',
      likelihood: 'amber_red',
      narrative: 'Referrals fell behind plan',
      actions: [{ action: 'Extend the weight management service', owner: 'PCT', due: '2010-01-31' }],
      risks: 'Funding after March',
    });
    assert.deepEqual(
      review.actions.map((a) => a.id),
      [`${target.id}-1`],
    );
    assert.deepEqual((review.frozen as { target: unknown }).target, { period: '2010/11', value: 32 });
    await signOff(store.sql, as(officer), agreement.id, { revision: (await readAgreement(store.sql, as(officer), agreement.id)).revision });
    const publicView = await readAgreement(store.sql, accessAs(store.sql, other, HARTLEPOOL), agreement.id);
    const seen = publicView.targets[0]!;
    assert.deepEqual([seen.worseThanBaselineReason, seen.latestReview?.likelihood, seen.latestReview?.narrative, seen.latestReview?.risks], ['withheld', 'amber_red', null, null]);
    const inspected = (await readAgreement(store.sql, as(inspector), agreement.id)).targets[0]!;
    assert.deepEqual([inspected.worseThanBaselineReason, inspected.latestReview?.risks], ['Downturn', 'Funding after March']);
    assert.equal((await refusalOf(recordReview(store.sql, as(other), agreement.id, target.id, { reviewedOn: '2009-12-31', likelihood: 'green', narrative: 'x' }))).status, 403);
  });

  it('imports targets from the console as the command line will, audited as the console', async () => {
    const agreement = await fresh();
    const csv =
      'reference,metric,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule,greenWithinPercent\nNI 56,obesity,designated,2007/08,30,2010/11,27,County Durham PCT,relative,10\n';
    const result = await importTargets(store.sql, consoleAccess(store.sql, 'ops'), agreement.id, { fileName: 'laa.csv', input: Readable.from([Buffer.from(csv)]) });
    assert.equal(result.imported, 1);
    const events = await store.sql<{ actor: string; summary: string }[]>`select actor, summary from audit_event where record_kind = 'agreement' and record_id = ${String(agreement.id)} order by id`;
    assert.deepEqual(events.at(-1), { actor: 'cli:ops', summary: 'imported 1 targets from laa.csv' });
    const target = (await readAgreement(store.sql, as(officer), agreement.id)).targets[0]!;
    assert.equal(target.updatedBy, 'cli:ops');
    const long = `${csv}NI 8,visits,local,2008,100,2010,120,County Durham PCT,relative,10\nNI 9,visits,local,2008,100,2010,120,County Durham PCT,relative,10\n`;
    const refused = await refusalOf(importTargets(store.sql, consoleAccess(store.sql, 'ops'), agreement.id, { fileName: 'long.csv', input: Readable.from([Buffer.from(long)]), maxLines: 2 }));
    assert.match(refused.message, /long\.csv:4: the file holds more than 2 targets: import it in parts/);
  });

  it('writes an import in parts as it checks, and a bad line after parts were written leaves none of them', async () => {
    const agreement = await fresh();
    const header = 'reference,metric,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule,greenWithinPercent\n';
    const good = `${header}NI 56,obesity,local,2007/08,30,2010/11,27,County Durham PCT,relative,10\nNI 8,visits,local,2008,100,2010,120,County Durham PCT,relative,10\n`;
    const file = (name: string, text: string) => ({ fileName: name, input: Readable.from([Buffer.from(text)]), linesPerWrite: 1 });
    const refused = await refusalOf(importTargets(store.sql, as(officer), agreement.id, file('bad.csv', `${good}NI 9,visits,local,2008,100,2010,x,County Durham PCT,relative,10\n`)));
    assert.match(refused.message, /^bad\.csv: no targets imported: bad\.csv:4: column 'targetValue'/);
    const count = async (table: 'target' | 'audit_event') =>
      table === 'target'
        ? (await store.sql<{ n: number }[]>`select count(*)::int as n from target where agreement_id = ${agreement.id}`)[0]!.n
        : (await store.sql<{ n: number }[]>`select count(*)::int as n from audit_event where record_kind = 'target' and summary like ${`% to agreement ${agreement.id}`}`)[0]!.n;
    assert.deepEqual([await count('target'), await count('audit_event')], [0, 0]);
    const result = await importTargets(store.sql, as(officer), agreement.id, file('good.csv', good));
    assert.equal(result.imported, 2);
    const read = await readAgreement(store.sql, as(officer), agreement.id);
    assert.deepEqual(
      result.targets.map((id) => read.targets.find((t) => t.id === id)?.reference),
      ['NI 56', 'NI 8'],
    );
    assert.equal(read.revision, agreement.revision + 1, 'the agreement is touched once, however many parts');
    assert.deepEqual([await count('target'), await count('audit_event')], [2, 2]);
  });
});
