// `lantern peer-challenges hold-history` on a real store, as a person at the
// console runs it: declaring that the programme holds councils' challenges
// of a kind from a day makes the cadence rule judge them (and flag those
// with none since, more than the rule's years ago), audited as the console;
// declaring again moves the day; bad input is refused naming each option,
// and nothing is kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeChallengeFlags } from '../../src/jobs/challenge-flags.ts';
import { lantern as run } from '../support/lantern-command.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const TODAY = new Date('2026-12-05T10:00:00Z');

describe('lantern peer-challenges hold-history', () => {
  let store: TestStore;
  const lantern = (args: readonly string[]) => run(store, ['peer-challenges', 'hold-history', ...args]);
  const held = async () => [
    ...(await store.sql<{ code: string; kind: string; from: string; source: string }[]>`
      select area_code as code, kind, to_char(held_from, 'YYYY-MM-DD') as "from", source from peer_challenge_history_held order by area_code, kind`),
  ];
  const flags = async () => [
    ...(await store.sql<{ area: string; subject: string }[]>`select area_code as area, subject from flag where rule = 'no_peer_challenge' and cleared_at is null order by area_code`),
  ];

  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('refuses bad input naming each option, keeping nothing', async () => {
    const done = await lantern(['--kind', 'civic', '--from', '2019-02-30', '--source', ' ', 'E99999999', 'E12000001']);
    assert.equal(done.code, 2, done.stderr);
    assert.match(done.stderr, /--kind: give one of corporate, safeguarding, adults, childrens/);
    assert.match(done.stderr, /--from: 2019-02-30 is not a day/);
    assert.match(done.stderr, /--source: say where the record comes from/);
    assert.match(done.stderr, /COUNCILS: no area has the code 'E99999999'/);
    assert.match(done.stderr, /COUNCILS: North East \(E12000001\) is not a council in being/);
    const later = await lantern(['--kind', 'corporate', '--from', '2099-01-01', '--source', 'a list', DURHAM]);
    assert.equal(later.code, 2);
    assert.match(later.stderr, /--from: 2099-01-01 is after today/);
    assert.deepEqual(await held(), []);
  });

  it('declares the history held, audited as the console, and the rule then judges those councils alone', async () => {
    assert.deepEqual(await storeChallengeFlags(store.sql, TODAY), { raised: 0, changed: 0, cleared: 0 }, 'nothing held, nothing judged');
    const done = await lantern(['--kind', 'corporate', '--from', '2019-04-01', '--source', "the sector body's list since 2019", DURHAM, HARTLEPOOL.toLowerCase()]);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stdout.trim(), `the programme holds 2 councils' corporate peer challenges from 2019-04-01: ${DURHAM}, ${HARTLEPOOL}`);
    assert.deepEqual(await held(), [
      { code: HARTLEPOOL, kind: 'corporate', from: '2019-04-01', source: "the sector body's list since 2019" },
      { code: DURHAM, kind: 'corporate', from: '2019-04-01', source: "the sector body's list since 2019" },
    ]);
    const [audited] = await store.sql<{ actor: string; summary: string }[]>`select actor, summary from audit_event where summary like 'declared the programme holds%'`;
    assert.match(audited!.actor, /^cli:/);
    assert.equal(audited!.summary, `declared the programme holds 2 councils' corporate peer challenges from 2019-04-01 (${DURHAM}, ${HARTLEPOOL}): the sector body's list since 2019`);
    assert.deepEqual(await storeChallengeFlags(store.sql, TODAY), { raised: 2, changed: 0, cleared: 0 });
    assert.deepEqual(await flags(), [
      { area: HARTLEPOOL, subject: 'corporate' },
      { area: DURHAM, subject: 'corporate' },
    ]);
  });

  it('moves the day when declared again, and the flag clears once within the years', async () => {
    const done = await lantern(['--kind', 'corporate', '--from', '2022-01-10', '--source', 'a fuller list', DURHAM]);
    assert.equal(done.code, 0, done.stderr);
    assert.deepEqual(
      (await held()).find((h) => h.code === DURHAM),
      { code: DURHAM, kind: 'corporate', from: '2022-01-10', source: 'a fuller list' },
    );
    assert.deepEqual(await storeChallengeFlags(store.sql, TODAY), { raised: 0, changed: 0, cleared: 1 }, 'held from 2022, due by 2027');
    assert.deepEqual(await flags(), [{ area: HARTLEPOOL, subject: 'corporate' }]);
  });
});
