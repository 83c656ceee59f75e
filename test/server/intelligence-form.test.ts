// The form that records intelligence, in words: the council, the evidence's
// metric and place are chosen by name from suggestions that need no script,
// the period from those Lantern holds; a problem comes back in the error
// summary naming the field as the page labels it, never as the API does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, openWorld, type World } from './access/world.ts';

describe('recording intelligence through the page form', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const record = (fields: Record<string, string>) =>
    world.browsers.author.fetch('/intelligence', {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: world.browsers.author.csrfToken,
        cause: 'financial_difficulty',
        title: 'Reserves falling',
        classification: 'sector',
        note: 'General fund reserves fell by a third in a year; members were told in March.',
        ...fields,
      }),
    });

  /** The error summary's messages, each with the field it links to. */
  const summary = (html: string) => [...html.matchAll(/<a href="#(\w+)">([^<]+)<\/a>/g)].map((m) => `${m[1]}: ${m[2]!.replace(/&#39;/g, "'").replace(/[‘’]/g, "'")}`);

  it('offers councils, metrics and places by name, and periods to choose', async () => {
    const html = await (await world.browsers.author.fetch('/intelligence/new')).text();
    assert.match(html, /<label class="govuk-label" for="subjectArea">\s*Council\s*<\/label>/);
    assert.match(html, /list="council-names"/);
    assert.match(html, /<datalist id="council-names">.*<option value="County Durham"><\/option>/s);
    assert.match(html, /<datalist id="metric-titles">.*<option value="Adults classified as obese"><\/option>/s);
    assert.match(html, /<select class="govuk-select" id="evidencePeriod" name="evidencePeriod">.*<option value="2022\/23">2022\/23<\/option>/s);
    assert.doesNotMatch(html, /GSS code|Metric code/);
  });

  it('records an item whose council, metric and place are given by name', async () => {
    const response = await record({ subjectArea: 'County Durham', evidenceMetric: 'adults classified as OBESE', evidenceArea: 'County Durham', evidencePeriod: '2022/23' });
    assert.equal(response.status, 303, await response.text());
    const id = /\/intelligence\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1];
    const [item] = await world.store.sql<{ subject_area: string; evidence: unknown }[]>`select subject_area, evidence from intelligence_item where id = ${Number(id)}`;
    assert.equal(item!.subject_area, DURHAM);
    assert.deepEqual(item!.evidence, [{ kind: 'observation', metric: 'obesity', area: DURHAM, period: '2022/23' }]);
  });

  it('names the council it could not find, suggesting the one meant, in the error summary', async () => {
    const response = await record({ subjectArea: 'Durham Council', evidenceMetric: 'fat', evidenceArea: 'Durham', evidencePeriod: '' });
    assert.equal(response.status, 400);
    const problems = summary(await response.text());
    assert.deepEqual(problems, [
      "subjectArea: Council: no council is called 'Durham Council'. Did you mean County Durham? Choose one of the names offered",
      "evidenceMetric: Metric: Lantern has no metric called 'fat'. Choose one of the names offered",
      "evidenceArea: Council or place: no place is called 'Durham'. Did you mean County Durham? Choose one of the names offered",
      'evidencePeriod: Choose the period of the figure',
    ]);
  });

  it("words the record's own problems by the page's labels, not the API's field names", async () => {
    const response = await record({ subjectArea: 'County Durham', title: '', note: 'Too short', evidenceSource: 'Minutes', evidenceUrl: 'not an address' });
    assert.equal(response.status, 400);
    const problems = summary(await response.text());
    assert.ok(problems.length >= 3, problems.join('\n'));
    for (const problem of problems) assert.doesNotMatch(problem, /'[a-zA-Z]+(\[\d+\])?(\.\w+)?'|evidence\[|subjectArea'/, problem);
    assert.ok(problems.includes('title: Enter the title'), problems.join('\n'));
    assert.ok(
      problems.some((p) => p.startsWith('note: Note must be specific')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('evidenceUrl: Address of the source must be an http or https address')),
      problems.join('\n'),
    );
  });

  it('says plainly when Lantern holds no figure for the evidence chosen', async () => {
    const response = await record({ subjectArea: 'County Durham', evidenceMetric: 'Adults classified as obese', evidenceArea: 'County Durham', evidencePeriod: '2024/25' });
    assert.equal(response.status, 400);
    const problems = summary(await response.text());
    assert.deepEqual(
      problems.filter((p) => p.startsWith('evidencePeriod')),
      ['evidencePeriod: Lantern holds no figure for that metric, place and period: choose another period, or check the metric and place'],
    );
  });
});
