// No peer challenge for longer than the deadline rules allow, as a real
// early-warning flag on a real store: worked out from the programme's
// records under the rules in force, for the councils whose history the
// programme holds alone (none while it holds no record at all, and none for
// a council whose history is not held), kept in the flag table beside the
// metrics' flags (which it never touches, nor they it), shown on a
// council's risk view under disengagement with its rule, figures and
// sentence, to the sector body's watchers and the council itself and to no
// other council, counted on England's view, acknowledged like any flag,
// cleared by a challenge on site, raised again by a shorter cadence, and
// worked out by the minutely job only when what it reads or the day moved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEADLINE_RULES, FIVE_CORE_ELEMENTS, type DeadlineRules } from '../../../src/domain/peer-challenge/index.ts';
import { challengeFlagsJob, storeChallengeFlags } from '../../../src/jobs/challenge-flags.ts';
import { syncFlags } from '../../../src/store/flags.ts';
import { applyDeadlineRules } from '../../../src/store/peer-deadline-rules.ts';
import { declareHistoryHeld } from '../../../src/store/peer-history-held.ts';
import { moveChallenge, openChallenge } from '../../../src/store/peer-challenges.ts';
import { DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

const TODAY = new Date('2026-12-05T10:00:00Z');

interface FlagJson {
  id: number;
  rule: string;
  ruleTitle: string;
  ruleTest: string;
  metric: string | null;
  about: string | null;
  values: Record<string, unknown> | null;
  sentence: string;
  fingerprint: string;
  muted: unknown;
}
interface CouncilJson {
  causes: { cause: string; flags: FlagJson[] }[];
}

const WATCHERS: readonly Who[] = ['author', 'principal_adviser', 'panel_member', 'peer_challenge_manager'];

describe('no peer challenge, as an early-warning flag', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
    await syncFlags(
      world.store.sql,
      ['obesity'],
      [
        {
          area: DURHAM,
          rule: 'worse_and_worsening',
          ruleVersion: 1,
          metric: 'obesity',
          subject: '',
          period: '2022/23',
          figures: { value: 31.2 },
          sentence: '31.2% in 2022/23, worse than England',
          fingerprint: 'w@1|obesity|2022/23|value=31.2',
        },
      ],
      TODAY,
    );
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const councilView = async (who: Who | 'hartlepoolOfficer', code = DURHAM) => {
    const response = await as(who).fetch(`/api/areas/${code}/risk`);
    return { status: response.status, body: (await response.json()) as CouncilJson };
  };
  const challengeFlags = (body: CouncilJson) => body.causes.flatMap((c) => c.flags.filter((f) => f.rule === 'no_peer_challenge').map((f) => ({ ...f, cause: c.cause })));
  const open = () => world.store.sql<{ area: string; subject: string; figures: Record<string, unknown> }[]>`
    select area_code as area, subject, figures from flag where rule = 'no_peer_challenge' and cleared_at is null order by area_code, subject`;

  it('flags nothing while the programme holds no challenge at all', async () => {
    assert.deepEqual(await storeChallengeFlags(world.store.sql, TODAY), { raised: 0, changed: 0, cleared: 0 });
    assert.equal((await open()).length, 0);
  });

  it('flags no council whose history is not held: an enquiry holds its own council and kind alone', async () => {
    // The programme's first record, an enquiry from a council elsewhere: it holds Kent's corporate history from then, and no other council's.
    const enquired = await openChallenge(world.store.sql, { councilCode: 'E10000016', kind: 'corporate', enquiredOn: '2026-11-02', managedBy: null });
    assert.ok('id' in enquired);
    assert.deepEqual(await storeChallengeFlags(world.store.sql, TODAY), { raised: 0, changed: 0, cleared: 0 }, 'no record held is not no challenge');
    assert.equal((await open()).length, 0);
  });

  it('raises one flag a council and kind held with none on record since its record began, and leaves the metrics’ flags alone', async () => {
    for (const kind of ['corporate', 'safeguarding'] as const) await declareHistoryHeld(world.store.sql, [DURHAM, HARTLEPOOL], kind, '2015-04-01', 'the sector body’s list since 2015', null);
    const first = await storeChallengeFlags(world.store.sql, TODAY);
    assert.deepEqual(first, { raised: 4, changed: 0, cleared: 0 }, 'Durham and Hartlepool, corporate and safeguarding; no other council');
    const durham = (await open()).filter((f) => f.area === DURHAM);
    assert.deepEqual(
      durham.map((f) => [f.subject, f.figures]),
      [
        ['corporate', { kind: 'corporate', lastOn: null, heldFrom: '2015-04-01', dueBy: '2020-04-01', everyYears: 5 }],
        ['safeguarding', { kind: 'safeguarding', lastOn: null, heldFrom: '2015-04-01', dueBy: '2018-04-01', everyYears: 3 }],
      ],
      'a unitary authority has children’s services, so safeguarding too',
    );
    assert.deepEqual(await storeChallengeFlags(world.store.sql, TODAY), { raised: 0, changed: 0, cleared: 0 }, 'the same again changes nothing');
    const [metric] = await world.store.sql`select cleared_at from flag where rule = 'worse_and_worsening' and area_code = ${DURHAM}`;
    assert.equal(metric!.cleared_at, null, "the metric's flag stays open");
    await syncFlags(world.store.sql, ['obesity'], [], TODAY);
    assert.equal((await open()).filter((f) => f.area === DURHAM).length, 2, "a sync of a metric's flags does not clear a flag with no metric");
  });

  it("shows it under disengagement, with its rule, figures and sentence, to watchers and the council; 404 to another council's people", async () => {
    for (const who of EVERYONE) {
      const { status, body } = await councilView(who);
      if (who === 'public') assert.equal(status, 401);
      else if ([...WATCHERS, 'performance_officer', 'council_member'].includes(who)) {
        assert.equal(status, 200, who);
        const flags = challengeFlags(body);
        assert.deepEqual(
          flags.map((f) => [f.cause, f.about, f.metric]).sort(),
          [
            ['disengagement', "children's safeguarding peer challenge", null],
            ['disengagement', 'corporate peer challenge', null],
          ],
          who,
        );
        const corporate = flags.find((f) => f.about === 'corporate peer challenge')!;
        assert.equal(
          corporate.sentence,
          "No corporate peer challenge on record since 1 April 2015, when the programme's record of them begins; the deadline rules ask for at least one every 5 years, so one was due by 1 April 2020.",
        );
        assert.equal(corporate.ruleTitle, 'No peer challenge for longer than the deadline rules allow');
        assert.match(corporate.ruleTest, /deadline rules in force/);
        assert.deepEqual(corporate.values, { kind: 'corporate', lastOn: null, heldFrom: '2015-04-01', dueBy: '2020-04-01', everyYears: 5 });
      } else assert.equal(status, 404, who);
    }
    assert.equal((await councilView('hartlepoolOfficer')).status, 404, "Hartlepool's officer sees nothing of Durham's");
    const own = challengeFlags((await councilView('hartlepoolOfficer', HARTLEPOOL)).body);
    assert.equal(own.length, 2, "but sees Hartlepool's own");
    const page = await (await as('council_member').fetch(`/areas/${DURHAM}/risk`)).text();
    assert.match(page, /No peer challenge for longer than the deadline rules allow: corporate peer challenge/);
    assert.match(page, /No children&#39;s safeguarding peer challenge on record/);
  });

  it("counts them on England's view and names them on the patch's", async () => {
    const england = await (await as('principal_adviser').fetch('/risk?scope=england')).text();
    const at = england.indexOf(`href="/areas/${DURHAM}/risk">County Durham`);
    assert.ok(at > 0);
    assert.match(england.slice(at, england.indexOf('</tr>', at)), /No peer challenge: 2 flags/);
    assert.equal((await as('author').json('PUT', '/api/risk/patch', { areas: [DURHAM] })).status, 200);
    const patch = await (await as('author').fetch('/risk')).text();
    assert.match(patch, /No peer challenge: <a class="govuk-link" href="\/areas\/E06000047\/risk#flag-\d+">(corporate|children&#39;s safeguarding) peer challenge<\/a>/);
    const json = (await (await as('panel_member').fetch('/api/risk?scope=england')).json()) as { rows: { council: { code: string }; cells: { cause: string; flags: FlagJson[] }[] }[] };
    const durham = json.rows.find((r) => r.council.code === DURHAM)!;
    assert.equal(durham.cells.find((c) => c.cause === 'disengagement')!.flags.filter((f) => f.rule === 'no_peer_challenge').length, 2);
    assert.equal((await as('performance_officer').fetch('/api/risk?scope=england')).status, 403);
  });

  it('is acknowledged like any flag, by an adviser alone', async () => {
    const [flag] = challengeFlags((await councilView('author')).body);
    const reason = { reason: 'A corporate peer challenge is being scoped for the spring.', fingerprint: flag!.fingerprint };
    assert.equal((await as('performance_officer').json('POST', `/api/flags/${flag!.id}/acknowledgements`, reason)).status, 403);
    assert.equal((await as('author').json('POST', `/api/flags/${flag!.id}/acknowledgements`, reason)).status, 201);
    const again = challengeFlags((await councilView('author')).body).find((f) => f.id === flag!.id);
    assert.notEqual(again?.muted, null);
  });

  it('clears when a challenge has been on site, and is raised again by rules that ask for one sooner', async () => {
    const { sql } = world.store;
    const opened = (await openChallenge(sql, { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2023-09-01', managedBy: null })) as { id: number };
    assert.equal((await moveChallenge(sql, opened.id, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null)).kind, 'ok');
    assert.equal((await moveChallenge(sql, opened.id, { kind: 'book', onSite: { from: '2024-03-04', to: '2024-03-07' } }, null)).kind, 'ok');
    assert.deepEqual(await storeChallengeFlags(sql, TODAY), { raised: 0, changed: 0, cleared: 0 }, 'booked is not yet on site');
    await sql`update peer_challenge set stage = 'feedback', feedback_on = '2024-03-07' where id = ${opened.id}`;
    assert.deepEqual(await storeChallengeFlags(sql, TODAY), { raised: 0, changed: 0, cleared: 1 });
    assert.deepEqual(
      (await open()).filter((f) => f.area === DURHAM).map((f) => f.subject),
      ['safeguarding'],
    );
    const [kept] = await sql`select cleared_at from flag where rule = 'no_peer_challenge' and area_code = ${DURHAM} and subject = 'corporate'`;
    assert.ok(kept!.cleared_at instanceof Date, 'a cleared flag is kept');

    const twoYears: DeadlineRules = {
      ...DEADLINE_RULES,
      version: 2,
      from: '2026-12-01',
      cadence: DEADLINE_RULES.cadence.map((c) => (c.kind === 'corporate' ? { ...c, everyYears: 2 } : c)),
    };
    assert.equal((await applyDeadlineRules(sql, twoYears, null)).kind, 'ok');
    const moved = await storeChallengeFlags(sql, TODAY);
    assert.equal(moved.raised, 1, "Durham's, due by 7 March 2026 under a two-year cadence");
    assert.equal(moved.changed, 1, "Hartlepool's corporate flag now reads two years: due by 1 April 2017");
    const [durham] = challengeFlags((await councilView('author')).body).filter((f) => f.about === 'corporate peer challenge');
    assert.equal(
      durham?.sentence,
      'The last corporate peer challenge ended on 7 March 2024, more than 2 years ago; the deadline rules ask for at least one every 2 years, so one was due by 7 March 2026.',
    );
  });

  it('is worked out by the minutely job only when the records, the rules or the day moved', async () => {
    const { sql } = world.store;
    let now = TODAY;
    const said: string[] = [];
    const job = challengeFlagsJob(sql, { clock: () => now, log: (line) => said.push(line) });
    const run = () => job.run({}, { queue: 'challenge-flags', id: 'test', attempt: 1 });
    await run();
    assert.deepEqual(said, [], 'nothing to change');
    // A flag cleared behind the job's back stays cleared while nothing the rule reads has moved ...
    await sql`update flag set cleared_at = ${TODAY} where rule = 'no_peer_challenge' and area_code = ${HARTLEPOOL} and cleared_at is null`;
    await run();
    assert.deepEqual(said, []);
    assert.equal((await open()).filter((f) => f.area === HARTLEPOOL).length, 0);
    // ... and is raised again once the day turns.
    now = new Date('2026-12-06T10:00:00Z');
    await run();
    assert.equal(said.length, 1);
    assert.match(said[0]!, /peer challenges overdue: 2 raised, 0 changed, 0 cleared/);
    assert.equal((await open()).filter((f) => f.area === HARTLEPOOL).length, 2);
  });
});
