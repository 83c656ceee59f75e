// Early-warning flags that read no metric, kept beside the metrics' own in
// the flag table (migration 050): today one rule, no peer challenge for
// longer than the deadline rules allow. Its flags are brought up to what the
// rule finds now as a whole, in one transaction, under the same lock as the
// metrics' flags (flags.ts), so that a flag is never raised twice: a flag
// found anew is raised, one found with other figures is changed, one no
// longer found is cleared and kept. What the rule reads, the peer challenge
// programme's records, the declarations of whose history it holds and the
// councils, is read here too, with a stamp that moves whenever any of it may
// have.
import { isCouncil } from '../domain/benchmark/comparator-group.ts';
import { enquiry, type CadenceCouncil, type Challenge, type ChallengeKind, type HistoryHeld, type Stage } from '../domain/peer-challenge/index.ts';
import type { AreaType } from '../domain/area/index.ts';
import { historyHeld } from './peer-history-held.ts';
import type { Db, Sql } from './store.ts';

/** A flag with no metric as its rule found it, ready to keep. */
export interface UnmeteredFlagLine {
  readonly area: string;
  readonly ruleVersion: number;
  /** What tells a council's flags of the rule apart (the kind of challenge). */
  readonly subject: string;
  readonly period: string | null;
  readonly figures: Readonly<Record<string, number | string | null>>;
  readonly sentence: string;
  readonly fingerprint: string;
}

export interface UnmeteredSync {
  readonly raised: number;
  readonly changed: number;
  readonly cleared: number;
}

interface OpenRow {
  readonly id: number;
  readonly area: string;
  readonly subject: string;
  readonly fingerprint: string;
}

/**
 * Brings the open flags of `rule` (which reads no metric) to what `found`
 * gives at `at`. `found` is called once the lock is held, so that what is
 * stored was worked out after every sync before it had finished.
 */
export async function syncUnmeteredFlags(sql: Sql, rule: string, found: (tx: Db) => Promise<readonly UnmeteredFlagLine[]>, at: Date): Promise<UnmeteredSync> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('lantern flag sync'))`;
    const lines = await found(tx);
    const open = await tx<OpenRow[]>`
      select id::int as id, area_code as area, subject, fingerprint from flag
      where cleared_at is null and metric_code is null and rule = ${rule}`;
    const openByKey = new Map(open.map((row) => [keyOf(row), row]));
    const seen = new Set<string>();
    const raised: UnmeteredFlagLine[] = [];
    const changed: { id: number; line: UnmeteredFlagLine }[] = [];
    for (const line of lines) {
      const key = keyOf(line);
      if (seen.has(key)) throw new RangeError(`the rule ${rule} found two flags on ${line.area} for '${line.subject}'`);
      seen.add(key);
      const was = openByKey.get(key);
      if (!was) raised.push(line);
      else if (was.fingerprint !== line.fingerprint) changed.push({ id: was.id, line });
    }
    const cleared = open.filter((row) => !seen.has(keyOf(row))).map((row) => row.id);
    if (raised.length > 0) {
      await tx`
        insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at)
        select r.area_code, ${rule}, r.rule_version, null, r.subject, r.period, r.figures::json, r.sentence, r.fingerprint, ${at}, ${at}
        from unnest(${raised.map((l) => l.area)}::text[], ${raised.map((l) => l.ruleVersion)}::int[], ${raised.map((l) => l.subject)}::text[],
          ${raised.map((l) => l.period)}::text[], ${raised.map((l) => JSON.stringify(l.figures))}::text[], ${raised.map((l) => l.sentence)}::text[],
          ${raised.map((l) => l.fingerprint)}::text[]) as r(area_code, rule_version, subject, period, figures, sentence, fingerprint)`;
    }
    if (changed.length > 0) {
      const lines = changed.map((c) => c.line);
      await tx`
        update flag set rule_version = r.rule_version, period = r.period, figures = r.figures::json, sentence = r.sentence, fingerprint = r.fingerprint, changed_at = ${at}
        from unnest(${changed.map((c) => c.id)}::bigint[], ${lines.map((l) => l.ruleVersion)}::int[], ${lines.map((l) => l.period)}::text[],
          ${lines.map((l) => JSON.stringify(l.figures))}::text[], ${lines.map((l) => l.sentence)}::text[], ${lines.map((l) => l.fingerprint)}::text[])
          as r(id, rule_version, period, figures, sentence, fingerprint)
        where flag.id = r.id`;
    }
    if (cleared.length > 0) await tx`update flag set cleared_at = ${at} where id = any(${cleared}::bigint[])`;
    // The flag table's generation moves with every sync that changed it (migration 033), whatever the rule.
    if (raised.length + changed.length + cleared.length > 0) await tx`update flag_sync set generation = generation + 1`;
    return { raised: raised.length, changed: changed.length, cleared: cleared.length };
  });
}

function keyOf(flag: { area: string; subject: string }): string {
  return `${flag.area}|${flag.subject}`;
}

/**
 * What the cadence of peer challenges is judged on: every council in being,
 * every challenge with its stage and week (an enquiry alone shows the
 * programme holds the council's challenges of its kind from then), and the
 * declarations of whose history is held.
 */
export async function cadenceRecords(sql: Db): Promise<{ councils: CadenceCouncil[]; challenges: Challenge[]; held: HistoryHeld[] }> {
  const [areas, rows, held] = await Promise.all([
    sql<CadenceCouncil[]>`select code, name, type from area where end_date is null order by code`,
    sql<{ id: number; code: string; kind: ChallengeKind; stage: Stage; enquiredOn: string; from: string | null; to: string | null; feedbackOn: string | null }[]>`
      select id, area_code as code, kind, stage, to_char(enquired_on, 'YYYY-MM-DD') as "enquiredOn", to_char(lower(on_site), 'YYYY-MM-DD') as from,
        to_char(upper(on_site) - 1, 'YYYY-MM-DD') as to, to_char(feedback_on, 'YYYY-MM-DD') as "feedbackOn"
      from peer_challenge`,
    historyHeld(sql),
  ]);
  const challenges = rows.map((row): Challenge => {
    const onSite = row.from === null || row.to === null ? null : { from: row.from, to: row.to };
    return { ...enquiry(String(row.id), row.code, row.kind, row.enquiredOn), stage: row.stage, onSite, feedbackOn: row.feedbackOn };
  });
  return { councils: areas.filter((area) => isCouncil(area.type as AreaType)), challenges, held };
}

/**
 * Moves whenever what the cadence is judged on may have: a challenge added
 * or taken a step (each step counts in its revision), deadline rules
 * applied, a council's history declared held, a council made or ended. One
 * small query.
 */
export async function cadenceStamp(sql: Db): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select concat_ws('|',
      (select concat_ws(',', count(*), sum(revision), max(updated_at)) from peer_challenge),
      (select max(version) from peer_deadline_rules),
      (select concat_ws(',', count(*), max(declared_at)) from peer_challenge_history_held),
      (select concat_ws(',', count(*), max(batch_id)) from area where end_date is null)) as stamp`;
  return row!.stamp;
}

/** The councils' names of these challenges, by challenge id. */
export async function challengeCouncils(sql: Db, ids: readonly number[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; name: string }[]>`
    select c.id::text as id, a.name from peer_challenge c join area a on a.code = c.area_code where c.id = any(${[...ids]}::int[])`;
  return new Map(rows.map((row) => [row.id, row.name]));
}
