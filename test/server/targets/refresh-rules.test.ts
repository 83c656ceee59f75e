// The annual refresh's rules on the real app and store: while an agreement
// is in its refresh, the public (anyone the policy does not let read its
// drafts) reads the agreement and its targets as last signed off, through
// the API and the pages alike, while its partners and those who oversee it
// read the working copy (each such read audited); a change to the
// agreement's own fields is logged with its reason, proposer and approver, as
// a target's is; the next sign-off publishes the changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorld, type World } from '../access/world.ts';
import { publicTargetLines } from '../../../src/server/platform/agreements/target-lines.ts';
import type { Browser } from '../../support/access.ts';
import { importText } from '../../support/import.ts';
import { eventually } from '../../support/jobs.ts';

interface AgreementJson {
  title: string;
  status: string;
  version: number;
  revision: number;
  targets: { id: number; reference: string; target: { value: number } }[];
}

describe('the refresh rules', () => {
  let world: World;
  let id: number;
  let obesity: number;
  let added: number;
  const change = { reason: 'The downturn', proposedBy: 'Durham PCT board', approvedBy: 'Government Office North East', changedOn: '2010-03-15' };

  const call = async (browser: Browser, method: string, address: string, body?: unknown) => {
    const response = await browser.json(method, address, body);
    const text = await response.text();
    assert.ok(response.status < 300, `${method} ${address}: ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const read = async (browser: Browser) => (await (await browser.fetch(`/api/agreements/${id}`)).json()) as AgreementJson;

  before(async () => {
    world = await openWorld();
    const officer = world.browsers.performance_officer;
    const made = await call(officer, 'POST', '/api/agreements', {
      kind: 'local_area_agreement',
      title: 'County Durham LAA',
      firstYear: '2008/09',
      lastYear: '2010/11',
      areas: ['E06000047'],
      partners: [
        { kind: 'council', name: 'Durham County Council' },
        { kind: 'council', name: 'Hartlepool Borough Council', organisation: world.organisations.hartlepool.id },
      ],
    });
    id = made.id as number;
    const target = {
      metric: 'obesity',
      kind: 'designated',
      baseline: { period: '2007/08', value: 30 },
      targetPeriod: '2010/11',
      leadPartner: 'Durham County Council',
      toleranceRule: { kind: 'absolute', version: 1, greenWithin: 0.5, amberWithin: 1 },
    };
    obesity = (await call(officer, 'POST', `/api/agreements/${id}/targets`, { ...target, reference: 'NI 56', targetValue: 27 })).id as number;
    await call(officer, 'POST', `/api/agreements/${id}/sign-off`, { revision: 2 });
    await call(officer, 'POST', `/api/agreements/${id}/refresh`, { revision: 3 });
    await call(officer, 'PATCH', `/api/agreements/${id}/targets/${obesity}`, { revision: 1, targetValue: 28, change });
    added = (
      await call(officer, 'POST', `/api/agreements/${id}/targets`, { ...target, reference: 'NI 8', metric: 'early-reserves', baseline: { period: '2007/08', value: 5 }, targetValue: 8, change })
    ).id as number;
  });
  after(() => world.close());

  it('shows the public the agreement and targets as last signed off, through the API', async () => {
    const seen = await read(world.browsers.public);
    assert.deepEqual([seen.status, seen.version], ['in_refresh', 1]);
    assert.deepEqual(
      seen.targets.map((t) => [t.reference, t.target.value]),
      [['NI 56', 27]],
    );
    const target = (await (await world.browsers.public.fetch(`/api/agreements/${id}/targets/${obesity}`)).json()) as { target: { value: number }; changes: unknown[] };
    assert.deepEqual([target.target.value, target.changes], [27, []]);
    assert.equal((await world.browsers.public.fetch(`/api/agreements/${id}/targets/${added}`)).status, 404);
    assert.equal((await world.browsers.public.fetch(`/api/agreements/${id}/targets/NI%208`)).status, 404);
  });

  it('counts, in monitoring, the targets the viewer reads: the public those signed, partners the working copy', async () => {
    const line = async (browser: Browser) => {
      const csv = await (await browser.fetch('/api/agreements.csv')).text();
      const row = csv.split('\r\n').find((l) => l.startsWith(`${id},`));
      assert.ok(row, csv);
      const [, title, , status, version, targets] = row.split(',');
      return [title, status, Number(version), Number(targets)];
    };
    assert.deepEqual(await line(world.browsers.public), ['County Durham LAA', 'In refresh', 1, 1]);
    assert.deepEqual(await line(world.browsers.hartlepoolOfficer), ['County Durham LAA', 'In refresh', 2, 2]);
  });

  it("lists the signed targets beside an area's and a metric's figures, in reports and across areas", async () => {
    const index = world.server.engine.index;
    const lines = (await publicTargetLines(world.store.sql, index, { areas: ['E06000047'] })).filter((l) => l.agreement.id === id);
    assert.deepEqual(
      lines.map((l) => [l.agreement.title, l.target.reference, l.goal.value]),
      [['County Durham LAA', 'NI 56', 27]],
    );
    const onMetric = (await publicTargetLines(world.store.sql, index, { metric: 'obesity' })).filter((l) => l.agreement.id === id);
    assert.deepEqual(
      onMetric.map((l) => l.goal.value),
      [27],
    );
    const across = async (browser: Browser) => {
      const found = (await (await browser.fetch('/api/agreements/metrics/obesity')).json()) as { items: { agreement: { id: number }; target: { value: number } }[] };
      return found.items.filter((l) => l.agreement.id === id).map((l) => l.target.value);
    };
    assert.deepEqual(await across(world.browsers.public), [27]);
    assert.deepEqual(await across(world.browsers.government_officer), [28]);
    // The partner that leads it: the public reads its target as signed, those who read the refresh as changed.
    const { partners } = (await (await world.browsers.public.fetch(`/api/agreements/${id}`)).json()) as { partners: { id: number; name: string }[] };
    const lead = partners.find((p) => p.name === 'Durham County Council')!.id;
    const partnerLines = async (browser: Browser) => {
      const found = (await (await browser.fetch(`/api/agreements/partners/${lead}`)).json()) as { items: { agreement: { id: number }; target: { reference: string; value: number } }[] };
      return found.items.filter((l) => l.agreement.id === id).map((l) => `${l.target.reference} to ${l.target.value}`);
    };
    assert.deepEqual(await partnerLines(world.browsers.public), ['NI 56 to 27']);
    assert.deepEqual(await partnerLines(world.browsers.government_officer), ['NI 56 to 28']);
    // A figure well off the line puts the target on Durham's off-trajectory list, as each reader reads the target.
    const loaded = await importText(world.store.sql, 'obesity-2008.csv', 'metric,area,period,value\nobesity,E06000047,2008/09,35\n');
    assert.equal(loaded.status, 'loaded');
    const offTrack = async (browser: Browser) => {
      const found = (await (await browser.fetch('/api/areas/E06000047/off-trajectory')).json()) as { items: { agreement: { id: number }; target: { reference: string }; expected: number }[] };
      return found.items.filter((l) => l.agreement.id === id).map((l) => `${l.target.reference} against ${l.expected.toFixed(2)}`);
    };
    assert.deepEqual(await eventually('the index hears of the batch', async () => ((await offTrack(world.browsers.public)).length > 0 ? true : undefined)), true);
    // The latest actual is past the plan, so it is held to the line's end: 27 as signed, 28 in the refresh.
    assert.deepEqual(await offTrack(world.browsers.public), ['NI 56 against 27.00']);
    assert.deepEqual(await offTrack(world.browsers.government_officer), ['NI 56 against 28.00']);
  });

  it('shows the public the signed version on the pages, saying a refresh is under way', async () => {
    const page = await (await world.browsers.public.fetch(`/agreements/${id}`)).text();
    assert.match(page, /Shown here is version 1, as signed off/);
    assert.match(page, /NI 56/);
    assert.doesNotMatch(page, /NI 8/);
    assert.equal((await world.browsers.public.fetch(`/agreements/${id}/targets/${added}`)).status, 404);
    const target = await (await world.browsers.public.fetch(`/agreements/${id}/targets/${obesity}`)).text();
    assert.match(target, /<dd class="govuk-summary-list__value">\s*27(\.0)? by 2010\/11\s*<\/dd>/);
    assert.doesNotMatch(target, /28(\.0)? by 2010\/11/);
  });

  it('shows partners and those who oversee agreements the working copy, and audits those reads', async () => {
    for (const who of ['performance_officer', 'hartlepoolOfficer', 'government_officer', 'principal_adviser'] as const) {
      const seen = await read(world.browsers[who]);
      assert.deepEqual([seen.status, seen.version], ['in_refresh', 2], who);
      assert.deepEqual(
        seen.targets.map((t) => [t.reference, t.target.value]),
        [
          ['NI 56', 28],
          ['NI 8', 8],
        ],
        who,
      );
      assert.doesNotMatch(await (await world.browsers[who].fetch(`/agreements/${id}`)).text(), /as signed off; its changes/, who);
    }
    // Signed-in readers outside the agreement read what was signed, as the public does.
    assert.deepEqual(
      (await read(world.browsers.council_member)).targets.map((t) => t.target.value),
      [28, 8],
      'a member of the holding council reads the working copy',
    );
    assert.deepEqual(
      (await read(world.browsers.inspector)).targets.map((t) => t.target.value),
      [27],
    );
    const audited = await world.store.sql<{ actor: string }[]>`
      select actor from audit_event where action = 'read' and record_kind = 'agreement' and record_id = ${String(id)} and summary = 'working copy in refresh'`;
    assert.ok(
      audited.some((a) => a.actor.includes('officer@government.example')),
      audited.map((a) => a.actor).join('\n'),
    );
  });

  it("logs a change to the agreement's own fields with its reason, proposer and approver, and shows it only to those who read the refresh", async () => {
    const officer = world.browsers.performance_officer;
    const now = await read(officer);
    const body = {
      kind: 'local_area_agreement',
      title: 'County Durham LAA, refreshed',
      firstYear: '2008/09',
      lastYear: '2010/11',
      areas: ['E06000047'],
      partners: [
        { kind: 'council', name: 'Durham County Council' },
        { kind: 'fire_and_rescue', name: 'County Durham and Darlington Fire and Rescue' },
      ],
      revision: now.revision,
    };
    const bare = await officer.json('PUT', `/api/agreements/${id}`, body);
    assert.equal(bare.status, 400);
    assert.match(((await bare.json()) as { message: string }).message, /^'change' is required: agreement \d+ is in its refresh/);
    const noReason = await officer.json('PUT', `/api/agreements/${id}`, { ...body, change: { ...change, reason: ' ' } });
    assert.equal(noReason.status, 400);
    assert.match(((await noReason.json()) as { message: string }).message, /^'change\.reason' is required/);
    await call(officer, 'PUT', `/api/agreements/${id}`, { ...body, change });
    const seen = (await read(officer)) as AgreementJson & { changes: Record<string, unknown>[] };
    assert.deepEqual(seen.changes, [
      { version: 2, field: 'title', oldValue: 'County Durham LAA', newValue: 'County Durham LAA, refreshed', ...change },
      {
        version: 2,
        field: 'partners',
        oldValue: ['Durham County Council', 'Hartlepool Borough Council'],
        newValue: ['Durham County Council', 'Hartlepool Borough Council', 'County Durham and Darlington Fire and Rescue'],
        ...change,
      },
    ]);
    const kept = await world.store.sql`update agreement_change set reason = 'rewritten' where agreement_id = ${id}`.catch((error: Error) => error);
    assert.ok(kept instanceof Error, 'the log is kept: a change to it is refused');
    const publicly = (await read(world.browsers.public)) as AgreementJson & { changes: unknown[] };
    assert.deepEqual([publicly.title, publicly.changes], ['County Durham LAA', []]);
  });

  it('publishes the changes at the next sign-off', async () => {
    const now = await read(world.browsers.performance_officer);
    await call(world.browsers.performance_officer, 'POST', `/api/agreements/${id}/sign-off`, { revision: now.revision });
    const seen = (await read(world.browsers.public)) as AgreementJson & { changes: { field: string }[] };
    assert.deepEqual([seen.status, seen.version, seen.title], ['signed_off', 2, 'County Durham LAA, refreshed']);
    assert.deepEqual(
      seen.changes.map((c) => c.field),
      ['title', 'partners'],
    );
    assert.deepEqual(
      seen.targets.map((t) => [t.reference, t.target.value]),
      [
        ['NI 56', 28],
        ['NI 8', 8],
      ],
    );
  });
});
