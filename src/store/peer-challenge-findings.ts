// What a peer challenge's team found and published (migration 046): its
// findings, each citing metrics; the report and the action plan as frozen
// versions (a new version supersedes, none is ever changed), each report
// keeping the findings as they stood; and the report's recommendations
// tracked to the council's actions and the evidence each was done.
import type { Db } from './store.ts';
import { inTransaction } from './peer-bookings.ts';

export type ChallengeDocument = 'report' | 'action_plan';

export interface Finding {
  readonly id: number;
  readonly finding: string;
  readonly metrics: readonly string[];
  readonly writtenByName: string | null;
  readonly writtenAt: Date;
}

export interface Publication {
  readonly id: number;
  readonly challengeId: number;
  readonly document: ChallengeDocument;
  readonly version: number;
  readonly body: string;
  readonly findings: readonly Pick<Finding, 'finding' | 'metrics'>[];
  readonly publishedByName: string | null;
  readonly publishedAt: Date;
  /** Whether a later version of the same document stands instead. */
  readonly superseded: boolean;
}

export interface ChallengeAction {
  readonly id: number;
  readonly action: string;
  readonly dueOn: string | null;
  readonly evidence: string | null;
  readonly doneOn: string | null;
}

export interface Recommendation {
  readonly id: number;
  readonly recommendation: string;
  readonly actions: readonly ChallengeAction[];
}

export async function addFinding(sql: Db, challengeId: number, finding: string, metrics: readonly string[], by: number | null): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into peer_challenge_finding (challenge_id, finding, metrics, written_by) values (${challengeId}, ${finding}, ${metrics as string[]}, ${by}) returning id`;
  return row!.id;
}

export function findingsOf(sql: Db, challengeId: number): Promise<Finding[]> {
  return sql<Finding[]>`
    select f.id, f.finding, f.metrics, u.name as "writtenByName", f.written_at as "writtenAt"
    from peer_challenge_finding f left join user_account u on u.id = f.written_by where f.challenge_id = ${challengeId} order by f.id`;
}

/** Publishes the next version of a document, the report keeping the findings as they stand; versions of one document take turns. */
export function publishDocument(sql: Db, challengeId: number, document: ChallengeDocument, body: string, by: number | null): Promise<number> {
  return inTransaction(sql, async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('peer_challenge_publication'), ${challengeId})`;
    const findings = document === 'report' ? (await findingsOf(tx, challengeId)).map((f) => ({ finding: f.finding, metrics: f.metrics })) : [];
    const [row] = await tx<{ version: number }[]>`
      insert into peer_challenge_publication (challenge_id, document, version, body, findings, published_by)
      select ${challengeId}, ${document}, coalesce(max(version), 0) + 1, ${body}, ${tx.json(findings as never)}, ${by}
      from peer_challenge_publication where challenge_id = ${challengeId} and document = ${document}
      returning version`;
    return row!.version;
  });
}

const PUBLICATION = `p.id, p.challenge_id as "challengeId", p.document, p.version, p.body, p.findings, u.name as "publishedByName", p.published_at as "publishedAt",
  exists (select 1 from peer_challenge_publication later where later.challenge_id = p.challenge_id and later.document = p.document and later.version > p.version) as superseded`;

export function publicationsOf(sql: Db, challengeId: number): Promise<Publication[]> {
  return sql<Publication[]>`
    select ${sql.unsafe(PUBLICATION)} from peer_challenge_publication p left join user_account u on u.id = p.published_by
    where p.challenge_id = ${challengeId} order by p.document desc, p.version desc`;
}

export async function readPublication(sql: Db, challengeId: number, id: number): Promise<Publication | undefined> {
  const [row] = await sql<Publication[]>`
    select ${sql.unsafe(PUBLICATION)} from peer_challenge_publication p left join user_account u on u.id = p.published_by
    where p.challenge_id = ${challengeId} and p.id = ${id}`;
  return row;
}

export async function addRecommendation(sql: Db, challengeId: number, recommendation: string, by: number | null): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into peer_challenge_recommendation (challenge_id, recommendation, added_by) values (${challengeId}, ${recommendation}, ${by}) returning id`;
  return row!.id;
}

/** An action on one of the challenge's recommendations; undefined when the recommendation is not the challenge's. */
export async function addAction(sql: Db, challengeId: number, recommendationId: number, action: string, dueOn: string | null, by: number | null): Promise<number | undefined> {
  const [row] = await sql<{ id: number }[]>`
    insert into peer_challenge_action (recommendation_id, action, due_on, added_by)
    select r.id, ${action}, ${dueOn}, ${by} from peer_challenge_recommendation r where r.id = ${recommendationId} and r.challenge_id = ${challengeId}
    returning id`;
  return row?.id;
}

/** Records the evidence an action of the challenge's was done, once: false when there is no such open action. */
export async function recordEvidence(sql: Db, challengeId: number, actionId: number, evidence: string, doneOn: string): Promise<boolean> {
  const rows = await sql`
    update peer_challenge_action a set evidence = ${evidence}, done_on = ${doneOn}
    from peer_challenge_recommendation r
    where a.id = ${actionId} and r.id = a.recommendation_id and r.challenge_id = ${challengeId} and a.done_on is null`;
  return rows.count === 1;
}

export function recommendationsOf(sql: Db, challengeId: number): Promise<Recommendation[]> {
  return sql<Recommendation[]>`
    select r.id, r.recommendation,
      coalesce((select json_agg(json_build_object('id', a.id, 'action', a.action, 'dueOn', to_char(a.due_on, 'YYYY-MM-DD'), 'evidence', a.evidence,
        'doneOn', to_char(a.done_on, 'YYYY-MM-DD')) order by a.id) from peer_challenge_action a where a.recommendation_id = r.id), '[]') as actions
    from peer_challenge_recommendation r where r.challenge_id = ${challengeId} order by r.id`;
}

/** The name of the council a challenge is of, for its published versions. */
export async function councilNameOf(sql: Db, challengeId: number): Promise<string> {
  const [row] = await sql<{ name: string }[]>`select a.name from peer_challenge c join area a on a.code = c.area_code where c.id = ${challengeId}`;
  return row?.name ?? '';
}
