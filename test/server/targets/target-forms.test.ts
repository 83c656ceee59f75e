// The target form on the real app and store, filled as a browser without
// script fills it: a target added with its metric by name and its rule in
// boxes; each of issue 18's refusals named by the field's label with every
// typed value kept; a change from a stale reading answered 409 naming who
// changed it; and in a refresh, a change kept with its reason, proposer and
// approver.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorld, type World } from '../access/world.ts';
import type { Browser } from '../../support/access.ts';

describe('the target form', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const officer = () => world.browsers.performance_officer;
  const post = (browser: Browser, address: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: browser.csrfToken });
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
    return browser.fetch(address, { method: 'POST', body });
  };
  const summary = (html: string) =>
    [...html.matchAll(/<a href="#([\w-]+)">([^<]+)<\/a>/g)].map(
      (m) =>
        `${m[1]}: ${m[2]!
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')}`,
    );
  const GOOD = {
    reference: 'NI 56',
    metric: 'Adults classified as obese',
    kind: 'designated',
    indicatorRole: 'performance',
    baselinePeriod: '2007/08',
    baselineValue: '30',
    targetPeriod: '2010/11',
    targetValue: '27',
    trajectoryShape: 'straight',
    leadPartner: 'County Durham PCT',
    contributingPartners: ['Durham County Council'],
    ruleKind: 'relative',
    greenWithin: '10',
    amberIfImproved: 'yes',
  };

  /** A draft agreement of Durham's, with Hartlepool's council as a partner that may change it too. */
  const agreement = async (title: string) => {
    const response = await officer().json('POST', '/api/agreements', {
      kind: 'local_area_agreement',
      title,
      firstYear: '2008/09',
      lastYear: '2010/11',
      areas: ['E06000047'],
      partners: [
        { kind: 'council', name: 'Durham County Council' },
        { kind: 'health', name: 'County Durham PCT' },
        { kind: 'council', name: 'Hartlepool Borough Council', organisation: world.organisations.hartlepool.id },
      ],
    });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    return (JSON.parse(text) as { id: number }).id;
  };
  const add = async (id: number, fields: Record<string, string | string[]> = {}) => {
    const response = await post(officer(), `/agreements/${id}/targets/new`, { ...GOOD, ...fields });
    assert.equal(response.status, 303, await response.text());
    return Number(/\/targets\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
  };
  const stored = async (targetId: number) => {
    const [row] = await world.store.sql<{ metric_code: string; target_value: number; trajectory: unknown; tolerance_rule: unknown; revision: number }[]>`
      select metric_code, target_value, trajectory, tolerance_rule, revision from target where id = ${targetId}`;
    return row!;
  };

  it('adds a target with its metric by name, drawing the straight line and keeping the rule as given', async () => {
    const id = await agreement('Added from the form');
    const form = await (await officer().fetch(`/agreements/${id}/targets/new`)).text();
    assert.match(form, /<option value="Adults classified as obese"><\/option>/);
    assert.match(form, /<option value="County Durham PCT">County Durham PCT<\/option>/);
    const targetId = await add(id);
    const row = await stored(targetId);
    assert.equal(row.metric_code, 'obesity');
    assert.deepEqual(row.trajectory, [
      { period: '2008/09', value: 29 },
      { period: '2009/10', value: 28 },
      { period: '2010/11', value: 27 },
    ]);
    assert.deepEqual(row.tolerance_rule, { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true });
  });

  it('names each refusal by its label and keeps every typed value', async () => {
    const id = await agreement('Refused from the form');
    await add(id, { reference: 'NI 8' });
    const cases: [Record<string, string | string[]>, string, number][] = [
      [{ metric: 'Fat people' }, 'metric: Metric: Lantern has no metric called ‘Fat people’.', 400],
      [{ reference: '', leadPartner: '' }, "reference: Enter the target's reference, for example NI 56", 400],
      [{ leadPartner: 'Durham Constabulary' }, 'leadPartner: Lead partner: Durham Constabulary is not a partner of agreement', 400],
      [{ trajectoryShape: 'profiled', trajectory: '2008/09=29; 2009/10=28; 2010/11=26' }, 'trajectory: The last value of trajectory (26) must be the target (27)', 400],
      [{ trajectoryShape: 'profiled', trajectory: '2008/09=29; 2009/10 Q1=28; 2010/11=27' }, 'trajectory: ', 400],
      [{ targetValue: '33', trajectoryShape: 'straight' }, 'worseThanBaselineReason: ', 400],
      [{ targetPeriod: '2012/13' }, 'trajectory: Trajectory 2011/12 is outside the plan (2008/09 to 2010/11)', 400],
      [{ targetPeriod: '2010/11 Q1' }, 'targetPeriod: Target period 2010/11 Q1 is a quarter, but obesity is counted per financial year', 400],
      [{ greenWithin: 'lots' }, 'greenWithin: Green within must be a number, 0 or more', 400],
      [{ ruleKind: '' }, 'ruleKind: Tolerance rule', 400],
      [{ reference: 'NI 8', metric: 'obesity' }, 'reference: Reference: agreement', 409],
      [{ reference: 'NI 9' }, 'metric: Metric: target NI 8 already sets obesity for E06000047', 409],
    ];
    for (const [fields, expected, status] of cases) {
      const response = await post(officer(), `/agreements/${id}/targets/new`, { ...GOOD, ...fields });
      const html = await response.text();
      assert.equal(response.status, status, `${JSON.stringify(fields)}: ${summary(html).join('; ')}`);
      const problems = summary(html);
      assert.ok(
        problems.some((p) => p.startsWith(expected)),
        `${JSON.stringify(fields)}: ${problems.join('; ')} should include ${expected}`,
      );
      for (const [name, value] of Object.entries({ ...GOOD, ...fields })) {
        if (typeof value === 'string' && value !== '' && !['kind', 'indicatorRole', 'trajectoryShape', 'ruleKind', 'leadPartner', 'amberIfImproved'].includes(name)) {
          assert.ok(html.includes(`value="${value}"`), `${JSON.stringify(fields)} keeps ${name}=${value}`);
        }
      }
      assert.match(html, /<input class="govuk-checkboxes__input" id="contributingPartners" name="contributingPartners" type="checkbox" value="Durham County Council" checked>/);
    }
  });

  it('changes a target from its edit form, and answers a stale reading 409 naming who changed it, keeping what was typed', async () => {
    const id = await agreement('Changed from the form');
    const targetId = await add(id);
    const form = await (await officer().fetch(`/agreements/${id}/targets/${targetId}/edit`)).text();
    assert.match(form, /name="revision" value="1"/);
    assert.match(form, /id="metric" name="metric" type="text" spellcheck="false" value="Adults classified as obese"/);
    assert.match(form, /id="greenWithin" name="greenWithin" type="text" value="10"/);
    const partner = world.browsers.hartlepoolOfficer;
    const theirs = await post(partner, `/agreements/${id}/targets/${targetId}/edit`, { ...GOOD, revision: '1', targetValue: '28' });
    assert.equal(theirs.status, 303, await theirs.text());
    assert.equal((await stored(targetId)).target_value, 28);
    const mine = await post(officer(), `/agreements/${id}/targets/${targetId}/edit`, { ...GOOD, revision: '1', targetValue: '26', reference: 'NI 56a' });
    assert.equal(mine.status, 409);
    const html = await mine.text();
    assert.match(summary(html).join('\n'), /target-form: Target NI 56 was changed by officer <officer@hartlepool\.example> at .* since you read it/);
    assert.match(html, /id="targetValue" name="targetValue" type="text" value="26"/);
    assert.match(html, /value="NI 56a"/);
    assert.match(html, /name="revision" value="2"/);
    assert.equal((await stored(targetId)).target_value, 28);
  });

  it("in a refresh, asks for the change's reason, proposer and approver, and keeps them with old and new values", async () => {
    const id = await agreement('Refreshed from the form');
    const targetId = await add(id);
    assert.equal((await officer().json('POST', `/api/agreements/${id}/sign-off`, { revision: 2 })).status, 200);
    const closed = await officer().fetch(`/agreements/${id}/targets/${targetId}/edit`);
    assert.equal(closed.status, 409);
    assert.match(await closed.text(), /targets change only in its annual refresh/);
    assert.equal((await officer().json('POST', `/api/agreements/${id}/refresh`, { revision: 3 })).status, 200);
    const form = await (await officer().fetch(`/agreements/${id}/targets/${targetId}/edit`)).text();
    assert.match(form, /name="proposedBy"/);
    const bare = await post(officer(), `/agreements/${id}/targets/${targetId}/edit`, { ...GOOD, revision: '1', targetValue: '28', proposedBy: 'Durham PCT board' });
    assert.equal(bare.status, 400);
    const bareHtml = await bare.text();
    assert.deepEqual(summary(bareHtml), ['reason: Reason for the change is required']);
    assert.match(bareHtml, /value="Durham PCT board"/);
    const change = { reason: 'The downturn', proposedBy: 'Durham PCT board', approvedBy: 'Government Office North East', changedOn: '2010-03-15' };
    const saved = await post(officer(), `/agreements/${id}/targets/${targetId}/edit`, { ...GOOD, ...change, revision: '1', targetValue: '28' });
    assert.equal(saved.status, 303, await saved.text());
    const log = await world.store.sql<{ field: string; old_value: unknown; new_value: unknown; reason: string; approved_by: string }[]>`
      select field, old_value, new_value, reason, approved_by from target_change where target_id = ${targetId} order by id`;
    assert.deepEqual(
      log.filter((c) => c.field === 'targetValue').map((c) => [c.old_value, c.new_value, c.reason, c.approved_by]),
      [[27, 28, 'The downturn', 'Government Office North East']],
    );
  });

  it('is refused to those who may not change the agreement', async () => {
    const id = await agreement('Not yours');
    assert.equal((await world.browsers.government_officer.fetch(`/agreements/${id}/targets/new`)).status, 403);
    assert.equal((await world.browsers.council_member.fetch(`/agreements/${id}/targets/new`)).status, 403);
    const other = world.browsers.hartlepoolOfficer;
    assert.equal((await other.fetch(`/agreements/${id}/targets/new`)).status, 200);
  });
});
