// A new version of the deadline rules, as data someone wrote (a file given
// to `lantern peer-challenges apply-rules`): checked whole, each problem
// naming its field by path (`items[1].months`), so that a file is refused
// with every mistake at once and nothing is applied. Whether the version is
// later than the one in force is for the store to say, which knows it.
import { isAreaType, type AreaType } from '../area/index.ts';
import { DUE_ITEMS, type CadenceRule, type DeadlineRules, type DueItem, type DueRule } from './deadlines.ts';
import { CHALLENGE_KINDS, type ChallengeKind } from './focus.ts';
import { isIsoDay } from '../period/index.ts';
import { problem, type Problem } from './problem.ts';

export type CheckedRules = { readonly kind: 'ok'; readonly rules: DeadlineRules } | { readonly kind: 'refused'; readonly problems: readonly Problem[] };

/** The longest a rule may give: due dates and cadences are counted in months and years, not decades. */
const MOST_MONTHS = 60;
const MOST_YEARS = 20;

export function checkDeadlineRules(value: unknown): CheckedRules {
  const problems: Problem[] = [];
  const say = (field: string, message: string) => void problems.push(problem(field, message));
  if (!isObject(value)) return { kind: 'refused', problems: [problem('rules', 'the rules are one JSON object with version, from, items, cadence and source')] };
  for (const key of Object.keys(value)) if (!['version', 'from', 'items', 'cadence', 'source'].includes(key)) say(key, 'is not a field of the rules');
  if (!isWhole(value.version, 1, Number.MAX_SAFE_INTEGER)) say('version', `must be a whole number from 1, not ${shown(value.version)}`);
  if (!isIsoDay(value.from)) say('from', `must be the day the rules take effect, as YYYY-MM-DD, not ${shown(value.from)}`);
  if (typeof value.source !== 'string' || value.source.trim() === '') say('source', 'must say where the rules come from');
  const items = listOf(value.items, 'items', say).map((item, i) => dueRule(item, `items[${i}]`, say));
  const seen = new Set<string>();
  items.forEach((rule, i) => {
    if (!rule) return;
    for (const kind of rule.kinds) {
      if (seen.has(`${rule.item}|${kind}`)) say(`items[${i}].kinds`, `a ${kind} challenge's '${rule.item}' is given by an earlier item already`);
      seen.add(`${rule.item}|${kind}`);
    }
  });
  const cadence = listOf(value.cadence, 'cadence', say, true).map((rule, i) => cadenceRule(rule, `cadence[${i}]`, say));
  if (problems.length > 0) return { kind: 'refused', problems };
  return {
    kind: 'ok',
    rules: Object.freeze({
      version: value.version as number,
      from: value.from as string,
      items: items as DueRule[],
      cadence: cadence as CadenceRule[],
      source: (value.source as string).trim(),
    }),
  };
}

type Say = (field: string, message: string) => void;

function dueRule(value: unknown, at: string, say: Say): DueRule | null {
  if (!isObject(value)) return (say(at, 'must be an object with item, months, latestMonths and kinds'), null);
  let ok = true;
  const fail = (field: string, message: string) => {
    ok = false;
    say(`${at}.${field}`, message);
  };
  if (!(DUE_ITEMS as readonly unknown[]).includes(value.item)) fail('item', `must be one of ${DUE_ITEMS.join(', ')}, not ${shown(value.item)}`);
  if (!isWhole(value.months, 1, MOST_MONTHS)) fail('months', `must be a whole number of months from 1 to ${MOST_MONTHS}, not ${shown(value.months)}`);
  const latest = value.latestMonths ?? null;
  if (latest !== null && !isWhole(latest, 1, MOST_MONTHS)) fail('latestMonths', `must be a whole number of months from 1 to ${MOST_MONTHS}, or null, not ${shown(latest)}`);
  else if (latest !== null && isWhole(value.months, 1, MOST_MONTHS) && latest < (value.months as number))
    fail('latestMonths', `the latest (${String(latest)} months) cannot come before the due date (${String(value.months)} months)`);
  const kinds = kindsOf(value.kinds, `${at}.kinds`, (field, message) => fail(field.slice(at.length + 1), message));
  return ok ? { item: value.item as DueItem, months: value.months as number, latestMonths: latest as number | null, kinds } : null;
}

function cadenceRule(value: unknown, at: string, say: Say): CadenceRule | null {
  if (!isObject(value)) return (say(at, 'must be an object with kind, everyYears and authorityTypes'), null);
  let ok = true;
  const fail = (field: string, message: string) => {
    ok = false;
    say(`${at}.${field}`, message);
  };
  if (!(CHALLENGE_KINDS as readonly unknown[]).includes(value.kind)) fail('kind', `must be one of ${CHALLENGE_KINDS.join(', ')}, not ${shown(value.kind)}`);
  if (!isWhole(value.everyYears, 1, MOST_YEARS)) fail('everyYears', `must be a whole number of years from 1 to ${MOST_YEARS}, not ${shown(value.everyYears)}`);
  const types = value.authorityTypes ?? [];
  const authorityTypes: AreaType[] = [];
  if (!Array.isArray(types)) fail('authorityTypes', 'must be a list of authority types (empty for every council)');
  else
    types.forEach((type, i) => {
      if (typeof type === 'string' && isAreaType(type)) authorityTypes.push(type);
      else fail(`authorityTypes[${i}]`, `${shown(type)} is not an authority type Lantern knows`);
    });
  return ok ? { kind: value.kind as ChallengeKind, everyYears: value.everyYears as number, authorityTypes } : null;
}

function kindsOf(value: unknown, at: string, say: Say): ChallengeKind[] {
  if (!Array.isArray(value) || value.length === 0) return (say(at, `must list the kinds of challenge it applies to, of ${CHALLENGE_KINDS.join(', ')}`), []);
  const kinds: ChallengeKind[] = [];
  value.forEach((kind, i) => {
    if ((CHALLENGE_KINDS as readonly unknown[]).includes(kind)) kinds.push(kind as ChallengeKind);
    else say(`${at}[${i}]`, `${shown(kind)} is not a kind of challenge: one of ${CHALLENGE_KINDS.join(', ')}`);
  });
  return kinds;
}

function listOf(value: unknown, field: string, say: Say, mayBeEmpty = false): unknown[] {
  if (!Array.isArray(value)) return (say(field, 'must be a list'), []);
  if (!mayBeEmpty && value.length === 0) return (say(field, 'must hold at least one rule'), []);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhole(value: unknown, least: number, most: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= least && value <= most;
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value).slice(0, 60);
}
