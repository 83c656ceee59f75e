// Progress reviews imported as CSV: every line stored with its ratings frozen
// and audited as one review is, or, for one bad line anywhere, none at all,
// the problem named by its line and column; refused to those who may not
// record reviews; and the same over HTTP.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { addAgreement } from '../../../src/server/features/targets/agreements.ts';
import { importReviews } from '../../../src/server/features/targets/reviews.ts';
import { addTarget } from '../../../src/server/features/targets/targets.ts';
import type { User } from '../../../src/store/users.ts';
import { accessAs, apiToken, bearer, organisation, refusalOf, user } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { startTestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';
import { AGREEMENT, TARGET } from './fixtures.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const HEADER = 'target,reviewedOn,likelihood,narrative,risks,actions\n';

describe('progress reviews imported as CSV', () => {
  let store: TestStore;
  let officer: User;
  let other: User;
  let member: User;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    officer = await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id, 'Olive Officer');
    other = await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id);
    member = await user(store.sql, 'member@durham.example', 'council_member', durham.id);
  });
  after(() => store.close());

  const as = (person: User) => accessAs(store.sql, person, person === other ? HARTLEPOOL : DURHAM);
  const file = (fileName: string, text: string) => ({ fileName, input: Readable.from([Buffer.from(text)]) });
  const withTargets = async () => {
    const agreement = await addAgreement(store.sql, as(officer), { ...AGREEMENT, title: `LAA ${Math.random().toString(36).slice(2, 8)}` });
    const obesity = await addTarget(store.sql, as(officer), agreement.id, TARGET);
    const visits = await addTarget(store.sql, as(officer), agreement.id, {
      ...TARGET,
      reference: 'NI 8',
      metric: 'visits',
      kind: 'local',
      baseline: { period: '2008', value: 100 },
      targetPeriod: '2010',
      targetValue: 120,
    });
    return { agreement, obesity, visits };
  };
  const stored = async (targetIds: number[]) => {
    const reviews = await store.sql<{ n: number }[]>`select count(*)::int as n from progress_review where target_id = any(${targetIds}::int[])`;
    const audited = await store.sql<{ n: number }[]>`
      select count(*)::int as n from audit_event e join progress_review r on e.record_kind = 'progress_review' and e.record_id = r.id::text
      where r.target_id = any(${targetIds}::int[])`;
    return [reviews[0]!.n, audited[0]!.n];
  };

  it('stores each line as a review of the target named by id or reference, its line frozen, each audited', async () => {
    const { agreement, obesity, visits } = await withTargets();
    const text =
      `${HEADER}NI 56,2009-09-30,amber_red,Referrals fell behind plan,Funding after March,PCT|2010-01-31|Extend the weight management service; Council|2010-03-31|Open two more clinics\n` +
      `\n${visits.id},2009-09-30,green,"Visits ahead of plan, as the new hours draw people in",,\n`;
    const result = await importReviews(store.sql, as(officer), agreement.id, file('q2.csv', text));
    assert.equal(result.imported, 2);
    const rows = await store.sql<
      {
        targetId: number;
        likelihood: string;
        narrative: string;
        risks: string | null;
        actions: { id: string; owner: string; due: string; action: string }[];
        frozen: { reference: string; target: unknown; ratings: unknown };
      }[]
    >`
      select target_id as "targetId", likelihood, narrative, risks, actions, frozen from progress_review where id = any(${result.reviews}::int[]) order by id`;
    assert.deepEqual(
      rows.map((r) => [r.targetId, r.likelihood, r.risks, r.frozen.reference]),
      [
        [obesity.id, 'amber_red', 'Funding after March', 'NI 56'],
        [visits.id, 'green', null, 'NI 8'],
      ],
    );
    assert.equal(rows[1]!.narrative, 'Visits ahead of plan, as the new hours draw people in');
    assert.deepEqual(rows[0]!.actions, [
      { id: `${obesity.id}-1`, owner: 'PCT', due: '2010-01-31', action: 'Extend the weight management service' },
      { id: `${obesity.id}-2`, owner: 'Council', due: '2010-03-31', action: 'Open two more clinics' },
    ]);
    assert.deepEqual(rows[0]!.frozen.target, { period: '2010/11', value: 27 });
    assert.ok(Array.isArray(rows[0]!.frozen.ratings), 'the ratings at its date are frozen with it');
    assert.deepEqual(await stored([obesity.id, visits.id]), [2, 2]);
  });

  const good = 'NI 56,2009-09-30,green,On plan,,PCT|2010-01-31|Keep going\n';
  for (const [bad, column, reason] of [
    ['NI 99,2009-09-30,green,On plan,,', 'target', /'NI 99' is not a target of agreement \d+/],
    ['NI 8,2009-09-30,amber,,,', 'narrative', /is required: say why delivery is judged Amber/],
    ['NI 8,2009-09-31,green,On plan,,', 'reviewedOn', /column 'reviewedOn': is not a day of the calendar/],
    ['NI 8,2009-09-30,green,On plan,,PCT|someday|Extend the service', 'actions', /column 'actions': action 1: 'due' must be a date written 2010-03-31/],
    ['NI 8,2009-09-30,green,On plan,,Council|2010-03-31|Open clinics; PCT', 'actions', /column 'actions': action 2: '\w+' is required/],
    ['NI 8,2009-09-30,likely,On plan,,', 'likelihood', /column 'likelihood': must be green, .*, not 'likely'/],
  ] as const) {
    it(`refuses the whole file for a bad ${column} on its third line, naming line and column, and stores nothing`, async () => {
      const { agreement, obesity, visits } = await withTargets();
      const refused = await refusalOf(importReviews(store.sql, as(officer), agreement.id, file('q2.csv', `${HEADER}${good}${bad}\n${good}`)));
      assert.equal(refused.status, 400);
      assert.match(refused.message, new RegExp(`^q2\\.csv: no reviews imported: q2\\.csv:3: column '${column}':`));
      assert.match(refused.message, reason);
      assert.deepEqual(await stored([obesity.id, visits.id]), [0, 0]);
    });
  }

  it('refuses an unknown column and an empty file, naming the header line', async () => {
    const { agreement } = await withTargets();
    const unknown = await refusalOf(importReviews(store.sql, as(officer), agreement.id, file('q2.csv', `target,reviewedOn,mood\n`)));
    assert.match(unknown.message, /q2\.csv:1: column 'mood': is not a column of a reviews file/);
    const empty = await refusalOf(importReviews(store.sql, as(officer), agreement.id, file('q2.csv', HEADER)));
    assert.match(empty.message, /q2\.csv:1: the file holds no reviews/);
  });

  it('refuses someone who may not record reviews of the agreement, before reading the file', async () => {
    const { agreement, obesity, visits } = await withTargets();
    const refused = await refusalOf(importReviews(store.sql, as(other), agreement.id, file('q2.csv', `${HEADER}${good}`)));
    assert.ok([403, 404].includes(refused.status), `refused with ${refused.status}`);
    assert.deepEqual(await stored([obesity.id, visits.id]), [0, 0]);
  });

  it('imports over HTTP as text/csv, answering 201 with the ids, 400 with each problem by line and column, and 403 to a member', async () => {
    const { agreement, obesity, visits } = await withTargets();
    const server = await startTestServer(store);
    try {
      const post = async (person: User, text: string, query = '') =>
        fetch(`${server.base}/api/agreements/${agreement.id}/reviews/import${query}`, {
          method: 'POST',
          headers: { ...bearer(await apiToken(store.sql, person.id)), 'Content-Type': 'text/csv' },
          body: text,
        });
      const refused = await post(officer, `${HEADER}${good}NI 8,2009-09-30,red,,,\n`, '?fileName=q2.csv');
      assert.equal(refused.status, 400);
      const answer = (await refused.json()) as { details: { problems: { field: string; line: number }[] } };
      assert.deepEqual(
        answer.details.problems.map((p) => [p.line, p.field]),
        [[3, 'narrative']],
      );
      assert.equal((await post(member, `${HEADER}${good}`)).status, 403);
      assert.deepEqual(await stored([obesity.id, visits.id]), [0, 0]);
      const imported = await post(officer, `${HEADER}${good}`);
      assert.equal(imported.status, 201, await imported.clone().text());
      assert.equal(((await imported.json()) as { imported: number }).imported, 1);
      assert.deepEqual(await stored([obesity.id, visits.id]), [1, 1]);
    } finally {
      await server.close();
    }
  });
});
