// The peer pool: member and officer peers, read and kept by the peer
// challenge managers, each peer reading and keeping their own record (the
// policy's 'peer'). Adding a peer checks every field at once, so a form
// shows every problem; declaring a conflict and recording days away are the
// manager's or the peer's, each audited in its transaction, and so is
// withdrawing them (days still to come; a conflict, with a reason), each
// kept as withdrawn with who, when and why.
import { AREA_TYPES, type AreaType } from '../../../domain/area/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { PEER_ROLES, type PeerRole } from '../../../domain/peer-challenge/index.ts';
import { isIsoDay } from '../../../domain/period/index.ts';
import { getArea } from '../../../store/catalogue.ts';
import { addPeer, declareConflict } from '../../../store/peer-pool.ts';
import { withdrawConflict, withdrawUnavailable, type Withdrawn } from '../../../store/peer-withdrawals.ts';
import { addUnavailable, countPeers, listPeers, peerDetail, type PeerDetail, type PeerFilter, type PeerRow } from '../../../store/peer-records.ts';
import type { Sql } from '../../../store/store.ts';
import { getUser } from '../../../store/users.ts';
import { notSeen, refusal, type RequestAccess } from '../../platform/access/index.ts';
import { peerRecord } from '../../platform/access/peer-records.ts';
import { invalidInput, type FieldProblem } from '../../platform/http/checked-input.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { conflictBody, unavailableBody, withdrawConflictBody, withdrawUnavailableBody } from './api-inputs.ts';

const todayOf = (access: RequestAccess) => londonDay(new Date(access.now));

export interface PeerPage {
  readonly items: PeerRow[];
  /** The peers the viewer may read that pass the filter, on every page. */
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * A page of the peers the viewer may read that pass the filter: every one
 * for a manager, paged and counted in the store; their own for a peer. A
 * peer's record differs from another's only in its author, so whoever may
 * read a peer who signs in to nothing may read them all.
 */
export async function listVisiblePeers(sql: Sql, access: RequestAccess, filter: PeerFilter, page = 1, pageSize = PEER_PAGE_SIZE): Promise<PeerPage> {
  const today = todayOf(access);
  if (access.may('read', peerRecord({ userId: null }))) {
    const [rows, total] = await Promise.all([listPeers(sql, filter, today, { limit: pageSize, offset: (page - 1) * pageSize }), countPeers(sql, filter)]);
    return { items: await access.reveal(rows, peerRecord, (p) => String(p.id), 'peer pool'), total, page, pageSize };
  }
  const visible = await access.reveal(await listPeers(sql, filter, today), peerRecord, (p) => String(p.id), 'peer pool');
  return { items: visible.slice((page - 1) * pageSize, page * pageSize), total: visible.length, page, pageSize };
}

export const PEER_PAGE_SIZE = 50;

/** A peer's page: the one not-found answer for a peer the viewer may not read. */
export async function readPeer(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change' = 'read'): Promise<PeerDetail> {
  const id = pathId(idText, 'peer');
  const found = await peerDetail(sql, id, todayOf(access));
  if (!found) throw notSeen(`peer ${id}`);
  access.require(action, peerRecord(found), `peer ${id}`);
  if (action === 'read') await access.reveal([found], peerRecord, (p) => String(p.id), 'peer');
  return found;
}

/** Adds a peer to the pool (peer challenge managers); every bad field named at once. */
export async function addPeerAs(sql: Sql, access: RequestAccess, body: Readonly<Record<string, unknown>>): Promise<PeerDetail> {
  mayAddPeers(access);
  const problems: FieldProblem[] = [];
  const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : undefined);
  const list = (field: string) => (Array.isArray(body[field]) ? (body[field] as unknown[]) : typeof body[field] === 'string' && body[field] !== '' ? [body[field]] : []);
  const name = text('name') ?? '';
  if (name === '') problems.push({ field: 'name', message: "'name': give the peer's name" });
  else if (name.length > 200) problems.push({ field: 'name', message: "'name' is longer than 200 characters" });
  const role = text('role') ?? '';
  if (!(PEER_ROLES as readonly string[]).includes(role)) problems.push({ field: 'role', message: `'role': give one of ${PEER_ROLES.join(', ')}` });
  const party = text('party') || null;
  if (role === 'councillor' && party === null) problems.push({ field: 'party', message: "'party': give a member peer's party, or Independent" });
  if (role !== 'councillor' && role !== '' && party !== null) problems.push({ field: 'party', message: "'party': only a member peer (a councillor) has a party; this peer is an officer" });
  const councilCode = text('councilCode')?.toUpperCase() || null;
  if (councilCode !== null) {
    if (!(await getArea(sql, councilCode))) problems.push({ field: 'councilCode', message: `'councilCode': no council has the code '${councilCode}'` });
  }
  const skills = list('skills')
    .map((s) => String(s).trim())
    .filter((s) => s !== '');
  if (skills.some((s) => s.length > 100)) problems.push({ field: 'skills', message: "'skills': a skill is longer than 100 characters" });
  const experience = list('sectorExperience').map(String);
  const unknown = experience.find((t) => !(AREA_TYPES as readonly string[]).includes(t));
  if (unknown !== undefined) problems.push({ field: 'sectorExperience', message: `'sectorExperience': '${unknown}' is not a kind of council` });
  const userId = body.userId === undefined || body.userId === '' || body.userId === null ? null : Number(body.userId);
  if (userId !== null && (!Number.isInteger(userId) || !(await getUser(sql, userId)))) problems.push({ field: 'userId', message: `'userId': there is no user ${String(body.userId)}` });
  if (problems.length > 0) throw invalidInput(problems);
  const by = access.userId;
  return sql.begin(async (tx) => {
    const draft = { name, role: role as PeerRole, party, councilCode, skills, sectorExperience: experience as AreaType[], unavailable: [], userId };
    const added = await addPeer(tx, draft, by);
    if (added.kind === 'refused') throw invalidInput([{ field: added.problem.field, message: added.problem.message }]);
    await access.audit(tx, 'change', 'peer', String(added.id), `added ${name} to the peer pool`);
    return (await peerDetail(tx, added.id, todayOf(access)))!;
  });
}

/** Only those who keep the pool add to it: others are told which access they lack. */
export function mayAddPeers(access: RequestAccess): void {
  const decision = access.decide('change', peerRecord({ userId: null }));
  if (!decision.allowed) throw refusal(decision, access.viewer, 'change', 'peer');
}

/** Records the peer's declared conflict with a council (the peer or a manager). */
export async function declareConflictAs(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<PeerDetail> {
  const peer = await readPeer(sql, access, idText, 'change');
  const { councilCode, reason } = checked(conflictBody, body);
  const by = access.userId;
  return sql.begin(async (tx) => {
    const declared = await declareConflict(tx, peer.id, councilCode, reason, by);
    if (declared.kind === 'refused') throw invalidInput([{ field: declared.problem.field, message: declared.problem.message }]);
    await access.audit(tx, 'change', 'peer', String(peer.id), `declared a conflict with ${councilCode}: ${reason}`);
    return (await peerDetail(tx, peer.id, todayOf(access)))!;
  });
}

/** Records days the peer cannot give (the peer or a manager); refused while the peer is booked on any of them (409). */
export async function recordUnavailable(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<PeerDetail> {
  const peer = await readPeer(sql, access, idText, 'change');
  const { from, to, reason } = checked(unavailableBody, body);
  const problems: FieldProblem[] = [];
  if (!isIsoDay(from)) problems.push({ field: 'from', message: `'from': ${from} is not a day` });
  if (!isIsoDay(to)) problems.push({ field: 'to', message: `'to': ${to} is not a day` });
  if (problems.length === 0 && to < from) problems.push({ field: 'to', message: `'to': the last day (${to}) is before the first (${from})` });
  if (problems.length > 0) throw invalidInput(problems);
  return sql.begin(async (tx) => {
    const recorded = await addUnavailable(tx, peer.id, { from, to }, reason || null);
    if (recorded.kind === 'refused') {
      const message = recorded.problem.message;
      throw new HttpError(recorded.clash ? 409 : 400, recorded.clash ? 'conflict' : 'bad_request', message, { problems: [{ field: recorded.problem.field, message }] });
    }
    await access.audit(tx, 'change', 'peer', String(peer.id), `recorded days away from ${from} to ${to}`);
    return (await peerDetail(tx, peer.id, todayOf(access)))!;
  });
}

/** Withdraws days away (the peer or a manager), saying why if they wish: the days still to come, kept as withdrawn; refused (409) when they are all past or withdrawn already. */
export async function withdrawUnavailableAs(sql: Sql, access: RequestAccess, idText: unknown, spanText: unknown, body: Readonly<Record<string, unknown>> = {}): Promise<PeerDetail> {
  const peer = await readPeer(sql, access, idText, 'change');
  const spanId = pathId(spanText, 'days away');
  const { reason } = checked(withdrawUnavailableBody, body);
  const today = todayOf(access);
  const by = access.userId;
  return sql.begin(async (tx) => {
    const done = await withdrawUnavailable(tx, peer.id, spanId, today, reason ?? null, by);
    if (done.kind !== 'withdrawn') throw withdrawRefusal(done, `days away ${spanId} of peer ${peer.id}`);
    const { span, kept } = done;
    const what = kept ? `withdrew days away from ${today} to ${span!.to}, keeping ${kept.from} to ${kept.to}, which are past` : `withdrew days away from ${span!.from} to ${span!.to}`;
    await access.audit(tx, 'change', 'peer', String(peer.id), reason ? `${what}: ${reason}` : what);
    return (await peerDetail(tx, peer.id, today))!;
  });
}

/** Withdraws a conflict the peer declared (the peer or a manager), saying why; refused (409) when none stands. */
export async function withdrawConflictAs(sql: Sql, access: RequestAccess, idText: unknown, councilText: unknown, body: Readonly<Record<string, unknown>>): Promise<PeerDetail> {
  const peer = await readPeer(sql, access, idText, 'change');
  const { councilCode, reason } = checked(withdrawConflictBody, { ...body, councilCode: typeof councilText === 'string' ? councilText.toUpperCase() : councilText });
  const by = access.userId;
  return sql.begin(async (tx) => {
    const done = await withdrawConflict(tx, peer.id, councilCode, reason, by);
    if (done.kind !== 'withdrawn') throw withdrawRefusal(done, `conflict with ${councilCode} of peer ${peer.id}`);
    await access.audit(tx, 'change', 'peer', String(peer.id), `withdrew the declared conflict with ${councilCode}: ${reason}`);
    return (await peerDetail(tx, peer.id, todayOf(access)))!;
  });
}

function withdrawRefusal(done: Exclude<Withdrawn, { kind: 'withdrawn' }>, what: string): HttpError {
  if (done.kind === 'missing') return notSeen(what);
  return new HttpError(409, 'conflict', done.problem.message, { problems: [done.problem] });
}
