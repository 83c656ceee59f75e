// The library's search filters in SQL what the policy would refuse: for
// every role, in a council or a partner, and for case studies in every state
// written by several people of several organisations, the ids search finds
// (and counts) are exactly those the policy lets the viewer read, one by one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decide, ROLES, SESSION_ACTIONS, type Viewer } from '../../../src/domain/access/index.ts';
import { checkCaseStudy, MODERATION_STATES, type CaseStudyDraft } from '../../../src/domain/good-practice/index.ts';
import { createCaseStudy, getCaseStudy, searchCaseStudies, type CaseStudy } from '../../../src/store/case-studies.ts';
import type { User } from '../../../src/store/users.ts';
import { caseStudyRecord, readerOf } from '../../../src/server/features/good-practice/case-study-guard.ts';
import { organisation, user } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

const DRAFT: CaseStudyDraft = {
  title: 'A case study',
  summary: 'What changed.',
  body: 'How it changed.',
  councils: [DURHAM],
  themes: [],
  metrics: [],
  source: 'council',
  sourceNote: null,
  illustrative: true,
};

describe('search and the policy agree on what each reader sees', () => {
  let store: TestStore;
  let studies: CaseStudy[] = [];
  const viewers: [string, Viewer][] = [['the public', { kind: 'public' }]];

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    await seedCatalogue(sql);
    const orgs = {
      durham: await organisation(sql, 'Durham County Council', 'council', DURHAM),
      hartlepool: await organisation(sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL),
      sector: await organisation(sql, 'Sector body', 'sector_body'),
      region: await organisation(sql, 'Regional partnership', 'regional_partnership'),
    };
    const people: User[] = [];
    for (const role of ROLES) {
      for (const [name, org] of Object.entries(orgs)) {
        const person = await user(sql, `${role}-${name}@example.org`, role, org.id);
        people.push(person);
        viewers.push([`${role} of ${name}`, { kind: 'user', userId: person.id, role, organisationId: org.id, councilArea: org.areaCode, actions: SESSION_ACTIONS }]);
      }
    }
    const checked = checkCaseStudy(DRAFT, { metric: () => true, council: () => true });
    assert.equal(checked.kind, 'ok');
    // Writers of every kind, each with a case study in every state.
    const writers = people.filter((p) => ['performance_officer', 'peer_challenge_manager', 'regional_partner'].includes(p.role));
    for (const writer of writers) {
      for (const state of MODERATION_STATES) {
        const id = await createCaseStudy(sql, { ...DRAFT, metrics: [] }, writer.id, writer.organisationId, state);
        if (state === 'returned') await sql`update case_study set return_reason = 'A reason' where id = ${id}`;
        studies.push((await getCaseStudy(sql, id))!);
      }
    }
    studies = studies.filter(Boolean);
  });
  after(() => store?.close());

  it('finds for each viewer exactly the case studies the policy lets them read', async () => {
    const now = Date.now();
    let compared = 0;
    for (const [who, viewer] of viewers) {
      const expected = studies
        .filter((s) => decide(viewer, 'read', caseStudyRecord(s), now).allowed)
        .map((s) => s.id)
        .sort((a, b) => a - b);
      const reader = readerOf(viewer, (record) => decide(viewer, 'read', record, now).allowed);
      const found = await searchCaseStudies(store.sql, reader, { offset: 0, limit: 1000 });
      assert.deepEqual(
        found.items.map((i) => i.id).sort((a, b) => a - b),
        expected,
        who,
      );
      assert.equal(found.total, expected.length, who);
      compared++;
    }
    assert.equal(compared, 1 + ROLES.length * 4);
    // Not a trivial agreement: some see more than the published, some only those.
    const published = studies.filter((s) => s.state === 'published').length;
    const seen = await Promise.all(
      viewers.map(
        async ([, v]) =>
          (
            await searchCaseStudies(
              store.sql,
              readerOf(v, (r) => decide(v, 'read', r, now).allowed),
              { offset: 0, limit: 1000 },
            )
          ).total,
      ),
    );
    assert.ok(seen.some((n) => n === published) && seen.some((n) => n > published + 4));
  });
});
