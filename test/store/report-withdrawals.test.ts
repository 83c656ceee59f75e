// Withdrawing a published report version: the version stays, frozen, with a
// record beside it of who withdrew it, when and why; a version is withdrawn
// once; the application's role can neither change nor remove a withdrawal.
// And the audit trail's newest-first paging reads an index in that order.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createReport, publishVersion, versionsBySlug, versionsOf, withdrawVersion } from '../../src/store/reports.ts';
import { organisation, user } from '../support/access.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('withdrawing a published report version', () => {
  let store: TestStore;
  let reportId: number;
  let slug: string;
  let withdrawer: number;

  before(async () => {
    store = await openTestStore();
    const council = await organisation(store.sql, 'Durham County Council', 'council', 'E06000047');
    const officer = await user(store.sql, 'officer@durham.example', 'performance_officer', council.id, 'Pat Officer');
    withdrawer = officer.id;
    const report = await createReport(store.sql, { title: 'Durham compared', areas: ['E06000047'], group: 'region', sections: [], notes: '' }, officer.id, council.id);
    reportId = report.id;
    for (let i = 0; i < 2; i++) slug = (await publishVersion(store.sql, reportId, { figures: i }, Buffer.from('%PDF'), officer.id)).slug;
  });
  after(() => store.close());

  it('keeps no version whose audit event, written alongside it, failed', async () => {
    const before = (await versionsOf(store.sql, reportId)).length;
    const failing = async () => {
      throw new Error('the audit trail refused the event');
    };
    await assert.rejects(publishVersion(store.sql, reportId, { figures: 'lost' }, Buffer.from('%PDF'), withdrawer, failing), /refused the event/);
    assert.equal((await versionsOf(store.sql, reportId)).length, before);
  });

  it('keeps the version, marked withdrawn with who, when and why', async () => {
    assert.equal(await withdrawVersion(store.sql, reportId, 1, withdrawer, 'The obesity figures were for the wrong year.'), 'withdrawn');
    const [second, first] = await versionsOf(store.sql, reportId);
    assert.equal(second!.withdrawn, null);
    assert.equal(first!.withdrawn?.by, 'Pat Officer');
    assert.equal(first!.withdrawn?.reason, 'The obesity figures were for the wrong year.');
    assert.ok(first!.withdrawn?.at instanceof Date && !Number.isNaN(first!.withdrawn.at.getTime()));
    assert.deepEqual(
      (await versionsBySlug(store.sql, slug)).map((v) => [v.version, v.withdrawn !== null]),
      [
        [2, false],
        [1, true],
      ],
    );
  });

  it('withdraws a version once, and says when there is no such version', async () => {
    assert.equal(await withdrawVersion(store.sql, reportId, 1, withdrawer, 'Again'), 'already_withdrawn');
    assert.equal(await withdrawVersion(store.sql, reportId, 9, withdrawer, 'Never published'), 'no_such_version');
    const [row] = await store.sql<{ reason: string }[]>`select reason from report_withdrawal where report_id = ${reportId} and version = 1`;
    assert.equal(row!.reason, 'The obesity figures were for the wrong year.');
  });

  it('refuses a withdrawal with no reason', async () => {
    await assert.rejects(withdrawVersion(store.sql, reportId, 2, withdrawer, '   '), /check constraint/);
  });

  it('lets the application neither change nor remove a withdrawal', async () => {
    const refused = /permission denied/;
    await assert.rejects(store.sql`update report_withdrawal set reason = 'nothing was wrong'`, refused);
    await assert.rejects(store.sql`delete from report_withdrawal`, refused);
    await store.asOwner(async (sql) => {
      await assert.rejects(sql`delete from report_withdrawal`, /withdrawal is kept/);
    });
  });
});

describe('the audit trail in time order', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('pages newest first through an index on (time, id), not a sort of the whole trail', async () => {
    const plan = await store.sql.begin(async (tx) => {
      // An empty table costs the same any way: the planner is told to prefer what a long trail would need.
      await tx`set local enable_seqscan = off`;
      await tx`set local enable_bitmapscan = off`;
      return tx<{ 'QUERY PLAN': string }[]>`explain select id from audit_event where (at, id) < (now(), 10) order by at desc, id desc limit 50`;
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    assert.match(text, /audit_event_time/);
    assert.doesNotMatch(text, /Sort/);
  });
});
