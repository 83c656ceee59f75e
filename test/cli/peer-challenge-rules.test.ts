// `lantern peer-challenges apply-rules FILE` on a real store, as a person at
// the console runs it: --dry-run lists each due date that would move, with
// its sentence, and changes nothing; applying moves them, keeps each move
// with its sentence and is audited; a later version is needed; a file that
// is not JSON, or breaks the rules, is refused naming the file, the line and
// the field of every problem, and nothing changes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEADLINE_RULES, FIVE_CORE_ELEMENTS } from '../../src/domain/peer-challenge/index.ts';
import { moveChallenge, openChallenge } from '../../src/store/peer-challenges.ts';
import { lantern as run } from '../support/lantern-command.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

/** Version 2: the report within two months, not three. */
const V2 = {
  ...DEADLINE_RULES,
  version: 2,
  from: '2026-02-01',
  items: DEADLINE_RULES.items.map((rule) => (rule.item === 'report' ? { ...rule, months: 2 } : rule)),
  source: 'A change of the report deadline, for the test.',
};

describe('lantern peer-challenges apply-rules', () => {
  let store: TestStore;
  let folder: string;
  let challenge: number;
  const lantern = (args: readonly string[]) => run(store, ['peer-challenges', 'apply-rules', ...args]);
  const file = (name: string, text: string) => {
    const at = path.join(folder, name);
    fs.writeFileSync(at, text);
    return at;
  };
  const dueRows = () => store.sql<{ item: string; dueOn: string; ruleVersion: number; sentence: string }[]>`
    select item, to_char(due_on, 'YYYY-MM-DD') as "dueOn", rule_version as "ruleVersion", sentence from peer_challenge_due where challenge_id = ${challenge} order by item`;
  const report = async () => (await dueRows()).find((row) => row.item === 'report')!;
  const versions = async () => (await store.sql<{ version: number }[]>`select version from peer_deadline_rules order by version`).map((row) => row.version);

  before(async () => {
    store = await openTestStore();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-rules-'));
    const opened = (await openChallenge(store.sql, { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2025-09-01', managedBy: null })) as { id: number };
    challenge = opened.id;
    assert.equal((await moveChallenge(store.sql, challenge, { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS }, null)).kind, 'ok');
    assert.equal((await moveChallenge(store.sql, challenge, { kind: 'book', onSite: { from: '2026-01-27', to: '2026-01-30' } }, null)).kind, 'ok');
  });
  after(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    await store.close();
  });

  it('lists with --dry-run what would move, with its sentence, and changes nothing', async () => {
    assert.equal((await report()).dueOn, '2026-04-30');
    const rules = file('rules-v2.json', JSON.stringify(V2, null, 2));
    const done = await lantern([rules, '--dry-run']);
    assert.equal(done.code, 0, done.stderr);
    const lines = done.stdout.trim().split('\n');
    assert.equal(lines[0], 'would apply deadline rules version 2 (from 2026-02-01) in place of version 1: 1 due date moves on 1 open challenge');
    assert.match(lines[1]!, new RegExp(`^  challenge ${challenge}, County Durham: Report published is now due 2026-03-30, not 2026-04-30: rules version 1 became version 2 on 2026-02-01\\.`));
    assert.equal(lines.at(-1), 'dry run: nothing was changed');
    assert.deepEqual(await versions(), []);
    assert.deepEqual([(await report()).dueOn, (await report()).ruleVersion], ['2026-04-30', 1]);
    assert.equal((await store.sql`select 1 from peer_challenge_due_move`).length, 0);
  });

  it('applies the rules, keeping each move with its sentence, audited as the console', async () => {
    const done = await lantern([file('rules-v2.json', JSON.stringify(V2, null, 2))]);
    assert.equal(done.code, 0, done.stderr);
    assert.match(done.stdout, /^applied deadline rules version 2 \(from 2026-02-01\) in place of version 1: 1 due date moves on 1 open challenge\n/);
    assert.doesNotMatch(done.stdout, /dry run/);
    assert.deepEqual(await versions(), [1, 2]);
    const moved = await report();
    assert.deepEqual([moved.dueOn, moved.ruleVersion], ['2026-03-30', 2]);
    assert.match(moved.sentence, /within 2 months of the week on site/);
    const [move] = await store.sql<{ fromOn: string; toOn: string; sentence: string }[]>`
      select to_char(from_on, 'YYYY-MM-DD') as "fromOn", to_char(to_on, 'YYYY-MM-DD') as "toOn", sentence from peer_challenge_due_move where challenge_id = ${challenge}`;
    assert.deepEqual([move!.fromOn, move!.toOn], ['2026-04-30', '2026-03-30']);
    assert.match(move!.sentence, /^Report published is now due 2026-03-30, not 2026-04-30/);
    const [audited] = await store.sql<{ actor: string; summary: string }[]>`
      select actor, summary from audit_event where record_kind = 'peer_challenge' and summary like 'applied deadline rules%'`;
    assert.match(audited!.actor, /^cli:/);
    assert.match(audited!.summary, /version 2 \(was 1\) from .*rules-v2\.json: 1 due dates moved on 1 open challenges/);
  });

  it('refuses a version not later than the one in force, naming its line', async () => {
    const done = await lantern([file('again.json', JSON.stringify(V2, null, 2))]);
    assert.equal(done.code, 2);
    assert.match(done.stderr, /again\.json, line 2: 'version': the rules in force are version 2; a change must be a later version, not 2/);
    assert.deepEqual(await versions(), [1, 2]);
  });

  it('refuses a file that is not JSON, naming its line and column', async () => {
    const done = await lantern([file('broken.json', '{\n  "version": 3,\n  "from": "2026-03-01",\n  "items": [\n}\n')]);
    assert.equal(done.code, 2);
    assert.match(done.stderr, /broken\.json, line 5, column 1: a value was expected, not "}": the rules are JSON/);
    assert.deepEqual(await versions(), [1, 2]);
  });

  it('refuses every broken rule at once, each by file, line and field, changing nothing', async () => {
    const bad = {
      ...V2,
      version: 3,
      items: [V2.items[0], { ...V2.items[1], months: -1, kinds: ['corporate', 'civic'] }],
      cadence: [{ kind: 'corporate', everyYears: 0, authorityTypes: ['parish_meeting'] }],
    };
    const text = JSON.stringify(bad, null, 2);
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const done = await lantern([file('bad.json', text)]);
    assert.equal(done.code, 2);
    assert.match(done.stderr, new RegExp(`bad\\.json, line ${lineOf('"months": -1')}: 'items\\[1\\]\\.months': must be a whole number of months from 1 to 60, not -1`));
    assert.match(done.stderr, new RegExp(`bad\\.json, line ${lineOf('"civic"')}: 'items\\[1\\]\\.kinds\\[1\\]': "civic" is not a kind of challenge`));
    assert.match(done.stderr, new RegExp(`bad\\.json, line ${lineOf('"everyYears": 0')}: 'cadence\\[0\\]\\.everyYears'`));
    assert.match(done.stderr, /'cadence\[0\]\.authorityTypes\[0\]': "parish_meeting" is not an authority type/);
    assert.deepEqual(await versions(), [1, 2]);
    assert.equal((await report()).ruleVersion, 2);
  });

  it('says when the file cannot be read', async () => {
    const done = await lantern([path.join(folder, 'nowhere.json')]);
    assert.equal(done.code, 2);
    assert.match(done.stderr, /nowhere\.json: cannot be read \(ENOENT\)/);
  });
});
