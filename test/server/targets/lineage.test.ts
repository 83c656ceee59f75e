// A target whose measure was replaced continues the target it replaces: each
// names the other, the chain is followed both ways in order, and the earlier
// target's reviews come with it; a target the viewer may not read (one in a
// draft agreement, for the public) is left out of the chain, not named.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorld, type World } from '../access/world.ts';
import type { Browser } from '../../support/access.ts';
import { importText } from '../../support/import.ts';

interface Link {
  id: number;
  reference: string;
  metric: string;
  reviews?: { likelihood: string }[];
}

describe('targets across a replaced measure', () => {
  let world: World;
  let plan: number;
  let draft: number;
  const ids: Record<string, number> = {};

  const call = async (browser: Browser, method: string, address: string, body?: unknown) => {
    const response = await browser.json(method, address, body);
    const text = await response.text();
    assert.ok(response.status < 300, `${method} ${address}: ${response.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const lineage = async (browser: Browser, agreement: number, id: number) =>
    (await (await browser.fetch(`/api/agreements/${agreement}/targets/${id}`)).json()) as { continues: Link[]; continuedBy: Link[] };

  before(async () => {
    world = await openWorld();
    const officer = world.browsers.performance_officer;
    const metric = await importText(world.store.sql, 'weight.csv', 'code,title,polarity,value_kind,period_kind\nhealthy-weight,Adults of healthy weight,higher_is_better,proportion,financial_year\n');
    assert.equal(metric.status, 'loaded');
    const agreement = async (title: string) =>
      (
        await call(officer, 'POST', '/api/agreements', {
          kind: 'council_plan',
          title,
          firstYear: '2008/09',
          lastYear: '2010/11',
          areas: ['E06000047'],
          partners: [{ kind: 'council', name: 'Durham County Council' }],
        })
      ).id as number;
    draft = await agreement('County Durham plan, the draft that was not signed');
    plan = await agreement('County Durham plan');
    const target = (reference: string, metricCode: string, more: object = {}) => ({
      reference,
      metric: metricCode,
      kind: 'local',
      baseline: { period: '2007/08', value: 30 },
      targetPeriod: '2010/11',
      targetValue: metricCode === 'obesity' ? 27 : 33,
      leadPartner: 'Durham County Council',
      toleranceRule: { kind: 'absolute', version: 1, greenWithin: 0.5, amberWithin: 1 },
      ...more,
    });
    ids.old = (await call(officer, 'POST', `/api/agreements/${draft}/targets`, target('NI 56', 'obesity'))).id as number;
    ids.new = (await call(officer, 'POST', `/api/agreements/${plan}/targets`, target('CP 7', 'healthy-weight', { replacesTarget: ids.old }))).id as number;
    await call(officer, 'POST', `/api/agreements/${draft}/targets/${ids.old}/reviews`, { reviewedOn: '2009-09-30', likelihood: 'amber', narrative: 'Slower than planned.' });
    const { revision } = (await (await officer.fetch(`/api/agreements/${plan}`)).json()) as { revision: number };
    await call(officer, 'POST', `/api/agreements/${plan}/sign-off`, { revision });
  });
  after(() => world.close());

  it('names each end of the chain from the other, with the earlier target’s reviews', async () => {
    const officer = world.browsers.performance_officer;
    const later = await lineage(officer, plan, ids.new!);
    assert.deepEqual(
      later.continues.map((l) => [l.id, l.reference, l.metric, l.reviews?.map((r) => r.likelihood)]),
      [[ids.old, 'NI 56', 'obesity', ['amber']]],
    );
    assert.deepEqual(later.continuedBy, []);
    assert.deepEqual(
      (await lineage(officer, draft, ids.old!)).continuedBy.map((l) => [l.id, l.reference, l.metric]),
      [[ids.new, 'CP 7', 'healthy-weight']],
    );
  });

  it('shows the chain on the target page, as links', async () => {
    const page = await (await world.browsers.performance_officer.fetch(`/agreements/${plan}/targets/${ids.new}`)).text();
    assert.match(page, new RegExp(`Continues <a class="govuk-link" href="/agreements/${draft}/targets/${ids.old}">NI 56</a>, on obesity`));
  });

  it('leaves out of the chain a target the viewer may not read: for the public, one in a draft', async () => {
    const shown = await lineage(world.browsers.public, plan, ids.new!);
    assert.deepEqual(shown.continues, []);
    const page = await (await world.browsers.public.fetch(`/agreements/${plan}/targets/${ids.new}`)).text();
    assert.doesNotMatch(page, /Continues|NI 56/);
  });
});
