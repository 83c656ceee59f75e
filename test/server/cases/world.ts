// The world of the cases tests: the access tests' world (two councils, one
// user of every role, each signed in through the real form), with an
// adviser of another sector body, and flags about each council kept in the
// flag table as early warning keeps them.
import assert from 'node:assert/strict';
import type { User } from '../../../src/store/users.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { DURHAM, openWorld, type World } from '../access/world.ts';

export { DURHAM, HARTLEPOOL, EVERYONE, authorItem, type Who } from '../access/world.ts';

export interface CaseWorld extends World {
  readonly otherAdviser: User;
  readonly other: Browser;
  /** Who may be asked: the world's people and the other body's adviser. */
  browser(who: string): Browser;
}

export async function openCaseWorld(): Promise<CaseWorld> {
  const world = await openWorld();
  const otherBody = await organisation(world.store.sql, 'Another improvement body', 'sector_body');
  const otherAdviser = await user(world.store.sql, 'adviser@other.example', 'principal_adviser', otherBody.id, 'Olive Other');
  const other = new Browser(world.base);
  assert.equal((await other.signIn(otherAdviser.email)).status, 303);
  return { ...world, otherAdviser, other, browser: (who) => (who === 'otherAdviser' ? other : world.browsers[who as keyof World['browsers']]) };
}

let flagged = 0;

/** An open flag about a council, as early warning would have raised it. */
export async function raiseFlag(world: World, area = DURHAM): Promise<number> {
  flagged++;
  const [row] = await world.store.sql<{ id: number }[]>`
    insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at)
    values (${area}, 'worse_and_worsening', 1, 'obesity', ${`test-${flagged}`}, '2022/23', ${world.store.sql.json({ value: 31.2 })},
      '31.2%, worse than its neighbours and worse 3 years running', ${`fp-${flagged}`}, now(), now())
    returning id::int as id`;
  return row!.id;
}

export async function clearFlag(world: World, id: number): Promise<void> {
  await world.store.sql`update flag set cleared_at = now() where id = ${id}`;
}

/** The answer's body, with its status checked. */
export async function answer<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return (text ? JSON.parse(text) : {}) as T;
}
