// Intelligence items, each use-case once, called by the API and the pages
// alike: listed and read as the policy allows (each read of a restricted or
// confidential item audited), recorded with its evidence checked, changed by
// its author, marked reviewed so that it is not stale, shared and un-shared
// with a reason; every change audited in its transaction.
import { CAUSE_OF_RISK_FACTOR, checkIntelligenceItem, guardedRecord, type IntelligenceDraft, type RiskFactor, type UserViewer } from '../../../domain/access/index.ts';
import type { BestValueTheme, Cause } from '../../../domain/early-warning/index.ts';
import { isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { getArea } from '../../../store/catalogue.ts';
import {
  createIntelligenceItem,
  existingObservations,
  getIntelligenceItem,
  markIntelligenceReviewed,
  queryIntelligenceItems,
  updateIntelligenceItem,
  type IntelligenceItem,
} from '../../../store/intelligence.ts';
import { earlySightReleases } from '../../../store/early-sight.ts';
import { sharesOfRecord } from '../../../store/shares.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, observationRecord, shareJson, shareRecord, shareWith, stopSharing, type RequestAccess, type SharedRecord } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { intelligenceRecord } from '../../platform/access/intelligence-record.ts';

export async function listIntelligence(
  sql: Sql,
  access: RequestAccess,
  filter: { about?: string | undefined; cause?: Cause | undefined; bestValueTheme?: BestValueTheme | undefined; riskFactor?: RiskFactor | undefined; q?: string | undefined },
  paging: { limit: number; offset: number },
): Promise<IntelligenceItem[]> {
  const all = await queryIntelligenceItems(sql, { subjectArea: filter.about, causes: causesAsked(filter), bestValueTheme: filter.bestValueTheme, q: filter.q });
  const readable = all.filter((item) => access.may('read', intelligenceRecord(item))).slice(paging.offset, paging.offset + paging.limit);
  return access.reveal(readable, intelligenceRecord, (i) => String(i.id), 'listed');
}

/** The causes a list asks for: the cause, or both causes an old client's 'leadership_and_relationships' now covers. */
function causesAsked(filter: { cause?: Cause | undefined; riskFactor?: RiskFactor | undefined }): Cause[] | undefined {
  if (filter.cause !== undefined && filter.riskFactor !== undefined) throw badRequest("'riskFactor' is the old name of 'cause': ask by 'cause' alone");
  if (filter.cause !== undefined) return [filter.cause];
  if (filter.riskFactor === 'leadership_and_relationships') return ['leadership', 'relationships'];
  return filter.riskFactor === undefined ? undefined : [CAUSE_OF_RISK_FACTOR[filter.riskFactor]];
}

/** One item the viewer may read, its reading audited; 404 otherwise. */
export async function readItem(sql: Sql, access: RequestAccess, idText: unknown): Promise<IntelligenceItem> {
  const item = await findItem(sql, idText);
  access.require('read', intelligenceRecord(item), `intelligence item ${item.id}`);
  await access.reveal([item], intelligenceRecord, (i) => String(i.id));
  return item;
}

async function findItem(sql: Sql, idText: unknown): Promise<IntelligenceItem> {
  const id = pathId(idText, 'intelligence item');
  const item = await getIntelligenceItem(sql, id);
  if (!item) throw notSeen(`intelligence item ${id}`);
  return item;
}

export async function createItem(sql: Sql, access: RequestAccess, body: Record<string, unknown>): Promise<IntelligenceItem> {
  const draft = await checkDraft(sql, access, body);
  const viewer = access.viewer as UserViewer;
  access.require(
    'change',
    guardedRecord('intelligence_item', draft.classification, {
      subjectArea: draft.subjectArea,
      author: viewer.userId,
      ownerOrganisation: viewer.organisationId,
      shareable: draft.shareable,
    }),
    'intelligence item',
  );
  return sql.begin(async (tx) => {
    const item = await createIntelligenceItem(tx, draft, viewer.userId, viewer.organisationId);
    await access.audit(tx, 'change', 'intelligence_item', String(item.id), `recorded (${draft.classification}, ${draft.cause})`);
    return item;
  });
}

export async function changeItem(sql: Sql, access: RequestAccess, idText: unknown, body: Record<string, unknown>): Promise<IntelligenceItem> {
  const item = await findItem(sql, idText);
  access.require('change', intelligenceRecord(item), `intelligence item ${item.id}`);
  const fields = ['subjectArea', 'cause', 'bestValueTheme', 'title', 'note', 'evidence', 'classification', 'shareable'] as const;
  const unknown = Object.keys(body).filter((k) => k !== '_csrf' && k !== 'riskFactor' && !(fields as readonly string[]).includes(k));
  if (unknown.length > 0) throw badRequest(`unknown field '${unknown[0]}' (an intelligence item has: ${fields.join(', ')})`);
  const merged: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, body[f] === undefined ? item[f] : body[f]]));
  // An old client changes the cause by its old name, which the domain reads as the cause (and checks against one given beside it).
  if (body.riskFactor !== undefined) Object.assign(merged, { riskFactor: body.riskFactor }, body.cause === undefined ? { cause: undefined } : {});
  const draft = await checkDraft(sql, access, merged);
  const changed = fields.filter((f) => canonical(draft[f]) !== canonical(item[f]));
  return sql.begin(async (tx) => {
    const updated = await updateIntelligenceItem(tx, item.id, draft);
    await access.audit(tx, 'change', 'intelligence_item', String(item.id), changed.length > 0 ? `changed ${changed.join(', ')}` : 'saved unchanged');
    return updated;
  });
}

/** Marks the item reviewed: whoever may change it says it still holds, and it is no longer stale. */
export async function reviewItem(sql: Sql, access: RequestAccess, idText: unknown): Promise<IntelligenceItem> {
  const item = await findItem(sql, idText);
  access.require('change', intelligenceRecord(item), `intelligence item ${item.id}`);
  return sql.begin(async (tx) => {
    const reviewed = await markIntelligenceReviewed(tx, item.id);
    await access.audit(tx, 'change', 'intelligence_item', String(item.id), 'marked reviewed');
    return reviewed;
  });
}

export async function shareItem(sql: Sql, access: RequestAccess, idText: unknown, body: Record<string, unknown>) {
  return shareWith(sql, access, asShared(await findItem(sql, idText)), body);
}

export async function unshareItem(sql: Sql, access: RequestAccess, idText: unknown, shareId: number, body: Record<string, unknown>) {
  return stopSharing(sql, access, asShared(await findItem(sql, idText)), shareId, body);
}

function asShared(item: IntelligenceItem): SharedRecord {
  return { kind: 'intelligence_item', id: String(item.id), subjectArea: item.subjectArea, guarded: intelligenceRecord(item), label: `intelligence item ${item.id}` };
}

/** The item's shares that the viewer may read: all of them for its author. */
export async function itemShares(sql: Sql, access: RequestAccess, item: IntelligenceItem) {
  const all = await sharesOfRecord(sql, 'intelligence_item', String(item.id));
  return (
    await access.reveal(
      all.filter((s) => access.may('read', shareRecord(s))),
      shareRecord,
      (s) => String(s.id),
    )
  ).map(shareJson);
}

/**
 * The draft, checked. Observations given as evidence must exist and be ones
 * the author may read: an observation under embargo that they may not read
 * is answered as one that does not exist, so the check confirms nothing.
 */
async function checkDraft(sql: Sql, access: RequestAccess, body: Record<string, unknown>): Promise<IntelligenceDraft> {
  const check = checkIntelligenceItem(body);
  if (check.kind === 'invalid') throw invalidInput(check.problems);
  const draft = check.item;
  const area = await getArea(sql, draft.subjectArea);
  if (!area || !isCouncil(area.type)) throw badRequest(`'subjectArea': ${draft.subjectArea} is not a council Lantern knows`);
  const found = await existingObservations(sql, draft.evidence);
  const releases = await earlySightReleases(
    sql,
    draft.evidence.flatMap((e) => (e.kind === 'observation' ? [e.metric] : [])),
  );
  const readable = (e: { metric: string; area: string }) => !releases.has(e.metric) || access.may('read', observationRecord('early_sight', releases.get(e.metric), e.area));
  const missing = draft.evidence.findIndex((e) => e.kind === 'observation' && (!found.has(`${e.metric}|${e.area}|${e.period}`) || !readable(e)));
  if (missing >= 0) {
    const e = draft.evidence[missing] as { metric: string; area: string; period: string };
    throw new HttpError(400, 'bad_request', `'evidence[${missing}]': there is no observation of ${e.metric} for ${e.area} in ${e.period}`, {
      problems: [{ field: `evidence[${missing}]`, message: 'no such observation' }],
    });
  }
  return draft;
}

/** JSON with object keys in order, so that values read back from jsonb compare equal to what was written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
