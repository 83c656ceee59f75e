// bench/panel-pack: how long Lantern takes to print the Performance Support
// Panel's pack (issue 19: a 20-case pack PDF ≤ 3 s warm), on the demo data in
// a fresh store. Twenty councils each have an open case whose outcome is a
// support package, with three milestones (one overdue) and two metrics read
// from the benchmark index; one meeting's agenda is drafted from them (new
// packages, overdue milestones, metrics not moved; a quarter of cases in private) with a
// decision on each and an action monitor of ten actions. Timed: the whole
// use-case (the meeting read as the adviser may read it, every package and
// metric's progress, the HTML, the PDF, the copy audited), cold and then
// warm; and, as the reference in the same process, the same printer printing
// a one-page document, so the pack can be given as a multiple of it.
//
// Usage: npm run bench:panel-pack
import os from 'node:os';
import { buildIndex } from '../src/engine/benchmark-engine.ts';
import { loadDemo } from '../src/ingest/demo.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';
import { panelPack } from '../src/server/features/support/pack.ts';
import { draftAgenda, recordAction, recordDecision, addPanelMeeting } from '../src/server/features/support/panel.ts';
import { agreePackage } from '../src/server/features/support/packages.ts';
import { createCase, createOutcome } from '../src/store/cases.ts';
import { createOrganisation } from '../src/store/organisations.ts';
import { openStore } from '../src/store/store.ts';
import { createUser } from '../src/store/users.ts';
import { hashPassword } from '../src/server/platform/identity/passwords.ts';
import { accessAs } from '../test/support/access.ts';
import { tempDir } from '../test/support/store.ts';

const SHARED_DATA = new URL('../../shared/data', import.meta.url).pathname;
const CASES = 20;
const WARM_RUNS = 7;
const TARGET_SECONDS = 3;

const ms = (from: number) => performance.now() - from;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const p50 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; load average before: ${os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(', ')}`,
  );
  const store = await openStore({ dataDir: tempDir('lantern-bench-panel-pack-'), role: 'bench' });
  const printer = new PdfPrinter();
  try {
    await loadDemo(store.sql, SHARED_DATA, () => {}, { only: ['fingertips-extracts'] });
    const index = await buildIndex(store.sql);
    // The two metrics most councils have a figure for, and twenty councils with both.
    const series = index.metricsByTitle().filter((s) => !s.metric.themes.includes('context') && s.latest());
    const [first, second] = [...series].sort((a, b) => b.latest()!.areas.length - a.latest()!.areas.length);
    const councils = index.areas
      .filter((a, n) => (a.type === 'unitary' || a.type === 'metropolitan_district') && first!.latest()!.position(n) >= 0 && second!.latest()!.position(n) >= 0)
      .slice(0, CASES);
    const body = await createOrganisation(store.sql, { name: 'Bench sector body', kind: 'sector_body', areaCode: null });
    const adviser = await createUser(store.sql, {
      email: 'adviser@pack-bench.example',
      name: 'Bench adviser',
      organisationId: body.id,
      role: 'principal_adviser',
      passwordHash: await hashPassword('a long bench password 1'),
    });
    const access = accessAs(store.sql, adviser);
    for (const area of councils) {
      const caseId = await createCase(
        store.sql,
        {
          areaCode: area.code,
          strands: ['corporate'],
          openedFrom: 'flags',
          councilRequest: null,
          leadAdviserId: adviser.id,
          ownerOrganisationId: body.id,
          liaisedWith: [],
          summary: `${area.name}: performance has fallen behind its neighbours on two measures`,
        },
        'bench',
      );
      await createOutcome(
        store.sql,
        caseId,
        {
          outcome: 'support_package',
          reason: 'A bigger degree of support is needed',
          correction: null,
          reviewOn: null,
          lightTouch: null,
          differenceOfView: null,
          nextDiscussionOn: null,
          councilView: 'Agreed',
          decidedOn: '2026-01-05',
        },
        'bench',
      );
      const metric = (s: typeof first) => {
        const slice = s!.slices[Math.max(0, s!.slices.length - 3)]!;
        return { metric: s!.metric.code, baselinePeriod: slice.period, baselineValue: slice.value(slice.position(index.areaNumber(area.code)!)) ?? 0, direction: 'up', byPeriod: s!.latest()!.period };
      };
      await agreePackage(store.sql, access, caseId, {
        objectives: ['Bring both measures back to the neighbours’ average', 'A stable leadership team'],
        providers: [
          { name: 'A chief executive mentor', kind: 'mentor' },
          { name: 'The sector body', kind: 'sector_body' },
        ],
        milestones: [
          { title: 'Improvement plan agreed by cabinet', owner: 'Chief Executive', dueOn: '2026-02-01' },
          { title: 'Mentor in post', owner: 'Leader', dueOn: '2026-04-01' },
          { title: 'First review of progress', owner: 'Principal adviser', dueOn: '2026-09-01' },
        ],
        metrics: [metric(first), metric(second)],
        agreedOn: '2026-01-10',
      });
    }
    const meeting = await addPanelMeeting(store.sql, access, { heldOn: '2026-03-20', title: 'Performance Support Panel, March 2026' });
    const confidentialCases = (await store.sql<{ id: number }[]>`select id from improvement_case order by id limit ${CASES / 4}`).map((r) => r.id);
    const agenda = await draftAgenda(store.sql, access, index, meeting.id, { confidentialCases });
    for (const item of agenda) await recordDecision(store.sql, access, meeting.id, { agendaItem: item.id, decision: 'The Panel noted the report and asked for an update at its next meeting.' });
    for (let i = 0; i < 10; i++) await recordAction(store.sql, access, meeting.id, { action: `Report back on package ${i + 1}`, actionBy: 'Dennis Skinner / Mike Short', dueOn: '2026-05-01' });

    const reference = '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Reference</title></head><body><h1>Reference</h1><p>One page.</p></body></html>';
    let started = performance.now();
    const cold = await panelPack(store.sql, access, index, printer, meeting.id);
    const coldMs = ms(started);
    const pages = (cold.pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const packTimes: number[] = [];
    const referenceTimes: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      started = performance.now();
      await printer.print(reference, 'Reference');
      referenceTimes.push(ms(started));
      started = performance.now();
      await panelPack(store.sql, access, index, printer, meeting.id);
      packTimes.push(ms(started));
    }
    const [pack, ref] = [p50(packTimes), p50(referenceTimes)];
    console.log(
      `pack: ${councils.length} cases, ${agenda.length} agenda items (${agenda.filter((i) => i.confidential).length} in private), 10 actions; ${pages} pages, PDF ${fmt(cold.pdf.length / 1024, 1)} KB`,
    );
    console.log(`cold (Chromium started, print stylesheet compiled)  ${fmt(coldMs)} ms`);
    console.log(
      `warm p50 of ${WARM_RUNS}: ${fmt(pack)} ms (fastest ${fmt(Math.min(...packTimes))}, slowest ${fmt(Math.max(...packTimes))}); target ≤ ${TARGET_SECONDS} s: ${pack <= TARGET_SECONDS * 1000 ? 'ok' : 'OVER'}`,
    );
    console.log(`reference (a one-page PDF, same printer) p50 ${fmt(ref)} ms; the pack is ${fmt(pack / ref, 1)}× the reference`);
  } finally {
    await printer.close();
    await store.close();
  }
}

await main();
