// A council with an improvement case, for the reminders' tests: its lead
// adviser, a council officer, and the things that fall due (next steps,
// outcomes, a support package's milestones, Panel actions), inserted straight
// into the tables of migration 027 as the cases, support and Panel features
// would write them. A real SMTP server (the smtp-server package) keeps what
// it receives.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Sql } from '../../src/store/store.ts';
import type { User } from '../../src/store/users.ts';
import { organisation, user } from './access.ts';

export const BARNSLEY = 'E08000016';

export interface ReminderWorld {
  readonly adviser: User;
  readonly officer: User;
  readonly other: User;
  readonly caseId: number;
}

/** Barnsley, its case led by an adviser of the sector body, and an officer of the council. */
export async function reminderWorld(sql: Sql, tag = 'reminders'): Promise<ReminderWorld> {
  await sql`insert into area (code, name, type) values (${BARNSLEY}, 'Barnsley', 'metropolitan_district') on conflict (code) do nothing`;
  const body = await organisation(sql, `Sector body (${tag})`, 'sector_body');
  const council = await organisation(sql, `Barnsley Council (${tag})`, 'council', BARNSLEY);
  const adviser = await user(sql, `adviser-${tag}@sector.example`, 'principal_adviser', body.id, 'Ada Adviser');
  const officer = await user(sql, `officer-${tag}@barnsley.example`, 'performance_officer', council.id, 'Owen Officer');
  const other = await user(sql, `other-${tag}@sector.example`, 'principal_adviser', body.id, 'Olga Other');
  const caseId = await openCase(sql, adviser.id, body.id);
  return { adviser, officer, other, caseId };
}

export async function openCase(sql: Sql, leadAdviserId: number, organisationId: number, area = BARNSLEY): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into improvement_case (area_code, strands, opened_from, lead_adviser_id, owner_organisation_id, summary, opened_by, updated_by)
    values (${area}, ${['corporate']}, 'flags', ${leadAdviserId}, ${organisationId}, 'Finances under strain', 'test', 'test')
    returning id`;
  return row!.id;
}

export async function closeCase(sql: Sql, caseId: number): Promise<void> {
  await sql`update improvement_case set stage = 'closed', closure = 'explained', closure_reason = 'explained', closed_on = '2027-01-01' where id = ${caseId}`;
}

export async function nextStep(sql: Sql, caseId: number, step: { action: string; due: string; owner: User | null; ownerName?: string }): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_next_step (case_id, action, owner_name, owner_user_id, due_on, created_by)
    values (${caseId}, ${step.action}, ${step.ownerName ?? step.owner?.name ?? 'someone'}, ${step.owner?.id ?? null}, ${step.due}, 'test')
    returning id`;
  return row!.id;
}

/** An outcome kept under review until `reviewOn`. */
export async function outcomeUnderReview(sql: Sql, caseId: number, reviewOn: string, reason = 'Steps agreed with the chief executive'): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_outcome (case_id, outcome, reason, review_on, decided_on, recorded_by)
    values (${caseId}, 'steps_in_place', ${reason}, ${reviewOn}, '2027-01-10', 'test') returning id`;
  return row!.id;
}

/** A support package of the case, with one milestone. */
export async function milestone(sql: Sql, caseId: number, title: string, due: string, owner: User | null): Promise<{ packageId: number; milestoneId: number }> {
  const [pack] = await sql<{ id: number }[]>`
    insert into support_package (case_id, objectives, agreed_on, created_by, updated_by)
    values (${caseId}, ${sql.json(['Balance the budget'])}, '2027-01-15', 'test', 'test') returning id`;
  const [row] = await sql<{ id: number }[]>`
    insert into package_milestone (package_id, title, owner_name, owner_user_id, due_on)
    values (${pack!.id}, ${title}, ${owner?.name ?? 'A mentor'}, ${owner?.id ?? null}, ${due}) returning id`;
  return { packageId: pack!.id, milestoneId: row!.id };
}

/** A Panel meeting with an agenda item about the case and one action. */
export async function panelAction(sql: Sql, organisationId: number, caseId: number | null, action: string, due: string, owner: User | null): Promise<{ meetingId: number; actionId: number }> {
  const [meeting] = await sql<{ id: number }[]>`
    insert into panel_meeting (owner_organisation_id, held_on, title, created_by) values (${organisationId}, '2027-02-01', 'Panel, February', 'test') returning id`;
  const [item] = await sql<{ id: number }[]>`
    insert into panel_agenda_item (meeting_id, position, kind, case_id, title) values (${meeting!.id}, 1, 'new_package', ${caseId}, 'Barnsley') returning id`;
  const [row] = await sql<{ id: number }[]>`
    insert into panel_action (meeting_id, agenda_item_id, action, action_by, owner_user_id, due_on)
    values (${meeting!.id}, ${item!.id}, ${action}, ${owner?.name ?? 'The Panel chair'}, ${owner?.id ?? null}, ${due}) returning id`;
  return { meetingId: meeting!.id, actionId: row!.id };
}

export interface ReceivedEmail {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as sent, its quoted-printable lines joined and decoded. */
  readonly text: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly received: ReceivedEmail[];
  close(): Promise<void>;
}

/** A real SMTP server on a free port of 127.0.0.1, without TLS or sign-in, keeping every message. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        received.push({
          from: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          to: envelope.rcptTo.map((to) => to.address),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
