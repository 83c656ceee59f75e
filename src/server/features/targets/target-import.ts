// Targets imported from a CSV, all or nothing: read by the data hub's CSV
// reader, each line checked as a target given through the API would be, and
// every problem named by its line and column; one problem and nothing is
// written. The columns are the API's fields; lists (areas, contributing
// partners) are separated by semicolons, a trajectory is written
// "2009/10=29; 2010/11=28", and the tolerance rule is given in its own
// columns (rule, ruleVersion and the rule's figures).
import type { Readable } from 'node:stream';
import { formatRejection, type Rejection } from '../../../domain/batch/index.ts';
import { isBlank, readCsv } from '../../../ingest/csv-reader.ts';
import { RejectionError } from '../../../ingest/rejections.ts';
import { touchAgreement } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import { targetsOf, type TargetDraft } from '../../../store/targets.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { findAgreement, refuseSigned } from './agreements.ts';
import { refreshChange, targetBody } from './api-inputs.ts';
import { checkTarget, metricLookup } from './target-checks.ts';
import { PLAN_FIELDS, refreshReason, targetLines, writeTargets } from './targets.ts';

const LISTS = ['areas', 'contributingPartners'];
const RULE_FIGURES = ['greenWithin', 'amberWithin', 'greenWithinPercent', 'amberWithinPercent', 'amberIfImproved', 'measure'];
export const TARGET_COLUMNS = ['reference', 'metric', ...PLAN_FIELDS, 'leadPartner', 'contributingPartners', 'rule', 'ruleVersion', ...RULE_FIGURES, 'placeholderDue', 'worseThanBaselineReason'];
const MAX_PROBLEMS = 100;
/** Lines checked before they are sent to be written: large enough that a statement carries many, small enough that writing starts early. */
const WRITE_PART = 2_000;
/** An agreement holds tens of targets, a region's thousands; a file past this is not a targets file. */
export const MAX_TARGET_LINES = 100_000;

export interface TargetImport {
  readonly fileName: string;
  readonly input: Readable;
  /** In a refresh: the reason, proposer, approver and date of the targets added. */
  readonly change?: unknown;
  /** The most lines read (MAX_TARGET_LINES unless a caller needs fewer). */
  readonly maxLines?: number;
  /** Lines checked before they are sent to be written (WRITE_PART unless a caller needs fewer). */
  readonly linesPerWrite?: number;
}

/**
 * Imports the file's targets into the agreement, or none of them: the refusal
 * lists each problem as file:line: column 'x': reason. The file is read whole
 * first, so that no transaction waits on a slow upload; then, in one
 * transaction, each part of checked lines is sent to be written while the
 * next part is checked, the store writing on one core as the checks run on
 * the other. A problem anywhere stops the writing and rolls all of it back.
 */
export async function importTargets(sql: Sql, access: RequestAccess, agreementIdText: unknown, file: TargetImport): Promise<{ imported: number; targets: number[] }> {
  const agreement = await findAgreement(sql, access, agreementIdText, 'change');
  refuseSigned(agreement);
  const change = refreshReason(agreement, file.change === undefined ? undefined : checked(refreshChange, file.change));
  const { headerLine, lines, problems } = await readLines(file, { columns: TARGET_COLUMNS, noun: 'targets', maxLines: file.maxLines ?? MAX_TARGET_LINES });
  const metrics = metricLookup(sql);
  const seen = targetLines(agreement, await targetsOf(sql, agreement.id));
  return sql.begin(async (tx) => {
    const writing: Promise<number[]>[] = [];
    let part: TargetDraft[] = [];
    const send = () => {
      // Settled at once, so that a write refused while later lines are checked is never an unhandled rejection.
      const ids = writeTargets(tx, access, agreement, part, change);
      ids.catch(() => undefined);
      writing.push(ids);
      part = [];
    };
    for (const { line, cells } of lines) {
      if (problems.length >= MAX_PROBLEMS) break;
      try {
        const draft = await checkTarget(sql, agreement, checked(targetBody, bodyOf(cells)), metrics);
        seen.add(draft);
        part.push(draft);
      } catch (error) {
        problems.push(rejectionOf(error, line));
      }
      if (part.length >= (file.linesPerWrite ?? WRITE_PART) && problems.length === 0) {
        send();
        // A turn of the event loop, so that the part is on its way before the next is checked.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (problems.length === 0 && lines.length === 0) problems.push({ line: headerLine, reason: 'the file holds no targets' });
    if (problems.length === 0 && part.length > 0) send();
    const written = await Promise.all(writing.map((ids) => ids.catch((error: unknown) => (problems.length > 0 ? [] : Promise.reject(error)))));
    if (problems.length > 0) throw refusal(file.fileName, problems, 'targets');
    const ids = written.flat();
    await touchAgreement(tx, agreement.id, access.actor.actor);
    await access.audit(tx, 'change', 'agreement', String(agreement.id), `imported ${ids.length} targets from ${file.fileName}`);
    return { imported: ids.length, targets: ids };
  });
}

export interface FileLine {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** What a file holds: its columns, what its lines are called in problems ('targets', 'reviews'), and the most lines read. */
export interface FileShape {
  readonly columns: readonly string[];
  readonly noun: string;
  readonly maxLines: number;
}

/** The file's lines as cells by column, blank lines skipped; an unknown column or a file past its lines is a problem. */
export async function readLines(file: { fileName: string; input: Readable }, shape: FileShape): Promise<{ headerLine: number; lines: FileLine[]; problems: Rejection[] }> {
  const { columns, noun, maxLines } = shape;
  const csv = await readCsv(file.fileName, file.input).catch((error: unknown) => {
    if (error instanceof RejectionError) throw new HttpError(400, 'bad_request', error.message, { problems: [{ field: 'file', message: error.message }] });
    throw error;
  });
  const problems: Rejection[] = [];
  const unknown = csv.header.filter((name) => !columns.includes(name));
  if (unknown.length > 0) problems.push({ line: csv.headerLine, column: unknown[0]!, reason: `is not a column of a ${noun} file (${columns.join(', ')})` });
  const lines: FileLine[] = [];
  reading: for await (const chunk of csv.chunks) {
    for (const [i, record] of chunk.records.entries()) {
      if (isBlank(record)) continue;
      const line = chunk.firstLine + i;
      if (lines.length >= maxLines) {
        problems.push({ line, reason: `the file holds more than ${maxLines.toLocaleString('en-GB')} ${noun}: import it in parts` });
        break reading;
      }
      lines.push({ line, cells: Object.fromEntries(csv.header.map((name, c) => [name, (record[c] ?? '').trim()])) });
    }
  }
  return { headerLine: csv.headerLine, lines, problems };
}

/** A line's cells as the API's body: empty cells absent, lists split, the rule gathered. */
function bodyOf(cells: Readonly<Record<string, string>>): Record<string, unknown> {
  const given = (name: string) => (cells[name] ? cells[name] : undefined);
  const body: Record<string, unknown> = {};
  for (const name of ['reference', 'metric', 'kind', 'indicatorRole', 'targetPeriod', 'targetValue', 'trajectoryShape', 'leadPartner', 'placeholderDue', 'worseThanBaselineReason']) {
    if (given(name) !== undefined) body[name] = given(name);
  }
  for (const name of LISTS)
    if (given(name) !== undefined)
      body[name] = given(name)!
        .split(';')
        .map((s) => s.trim());
  if (given('baselinePeriod') !== undefined || given('baselineValue') !== undefined) body.baseline = { period: given('baselinePeriod'), value: given('baselineValue') };
  if (given('trajectory') !== undefined) {
    body.trajectory = given('trajectory')!
      .split(';')
      .map((point) => point.split('='))
      .map(([period, value]) => ({ period: period?.trim(), value: value?.trim() }));
  }
  const rule: Record<string, unknown> = { kind: given('rule'), version: Number(given('ruleVersion') ?? 1) };
  for (const name of RULE_FIGURES) {
    const text = given(name);
    if (text !== undefined) rule[name] = name === 'measure' ? text : name === 'amberIfImproved' ? text === 'true' || text === 'yes' : Number(text);
  }
  body.toleranceRule = rule;
  return body;
}

/** A refusal of one line, as the rejection of its column: the API's field named as the file's column. */
export function rejectionOf(error: unknown, line: number): Rejection {
  if (!(error instanceof HttpError) || (error.status !== 400 && error.status !== 409)) throw error;
  const field = (error.details as { problems?: { field: string }[] } | undefined)?.problems?.[0]?.field ?? /^'([^']+)'/.exec(error.message)?.[1] ?? '';
  return { line, column: columnOf(field), reason: error.message.replace(/^'[^']+':? ?/, '') };
}

function columnOf(field: string): string {
  const top = field.replace(/\[\d+\].*$/, '').replace(/^baseline\.(\w+)$/, (_m, part: string) => `baseline${part.charAt(0).toUpperCase()}${part.slice(1)}`);
  if (top.startsWith('toleranceRule')) return top === 'toleranceRule' || top === 'toleranceRule.kind' ? 'rule' : top === 'toleranceRule.version' ? 'ruleVersion' : top.slice('toleranceRule.'.length);
  return top;
}

/** The whole file refused: every problem by line and column, and nothing of `noun` written. */
export function refusal(fileName: string, problems: readonly Rejection[], noun: string): HttpError {
  const messages = problems.map((p) => formatRejection(fileName, p));
  return new HttpError(400, 'bad_request', `${fileName}: no ${noun} imported: ${messages.join('; ')}`, {
    problems: problems.map((p, i) => ({ field: p.column ?? 'file', line: p.line, message: messages[i] })),
  });
}
