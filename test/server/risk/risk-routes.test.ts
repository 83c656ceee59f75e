// The risk view on a real store, through the API and the pages, as every
// role: a council's rows by cause read by the sector body's watchers and by
// the council itself (its own flags, none of the items not shared with it),
// by no other council (404, with id-guessing probes); councils side by side
// for watchers only; acknowledging by advisers alone, muted until the flag's
// figures change; the patch refused whole for a council it does not know,
// naming the field; what is new since the last visit; the CSV.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { syncFlags, type FlagLine } from '../../../src/store/flags.ts';
import { importText } from '../../support/import.ts';
import { authorItem, DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

const OBESITY = 'obesity';

function line(area: string, value: number, more: Partial<FlagLine> = {}): FlagLine {
  return {
    area,
    rule: 'worse_and_worsening',
    ruleVersion: 1,
    metric: OBESITY,
    subject: '',
    period: '2022/23',
    figures: { value, benchmark: 21.4 },
    sentence: `${value}% in 2022/23, worse than England (21.4%), and getting worse`,
    fingerprint: `worse_and_worsening@1|${OBESITY}|2022/23|value=${value}`,
    ...more,
  };
}

interface FlagJson {
  id: number;
  rule: string;
  ruleTitle: string;
  ruleTest: string;
  ruleVersion: number;
  sentence: string;
  fingerprint: string;
  muted: { reason: string; by: string } | null;
}
interface CouncilJson {
  council: { code: string };
  mayAcknowledge: boolean;
  causes: { cause: string; flags: FlagJson[]; items: { id: number; stale: boolean }[]; notLooked: { rule: string; reason: string; metrics: string[] }[] }[];
  message?: string;
}

const WATCHERS: readonly Who[] = ['author', 'principal_adviser', 'panel_member', 'peer_challenge_manager'];
const DURHAM_PEOPLE: readonly Who[] = ['performance_officer', 'council_member'];

describe('the risk view', () => {
  let world: World;
  let itemId: number;
  before(async () => {
    world = await openWorld();
    await syncFlags(world.store.sql, [OBESITY], [line(DURHAM, 31.2), line(HARTLEPOOL, 33.9)], new Date());
    itemId = (await authorItem(world, 'restricted', { title: 'Reserves falling fast' })).id;
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const council = async (who: Who | 'hartlepoolOfficer', code = DURHAM) => {
    const response = await as(who).fetch(`/api/areas/${code}/risk`);
    return { status: response.status, body: (await response.json()) as CouncilJson };
  };
  const flagsIn = (body: CouncilJson) => body.causes.flatMap((c) => c.flags);
  const durhamFlag = async () => flagsIn((await council('author')).body)[0]!;

  it("shows a council's flags, row by cause, to the sector body's watchers and to the council itself; 404 to everyone else", async () => {
    for (const who of EVERYONE) {
      const { status, body } = await council(who);
      if (who === 'public') assert.equal(status, 401, who);
      else if ([...WATCHERS, ...DURHAM_PEOPLE].includes(who)) {
        assert.equal(status, 200, `${who}: ${body.message}`);
        assert.deepEqual(
          body.causes.map((c) => c.cause),
          ['leadership', 'relationships', 'high_risk_change', 'disengagement', 'financial_difficulty', 'service_performance'],
        );
        const [flag] = body.causes.find((c) => c.cause === 'service_performance')!.flags;
        assert.equal(flag?.sentence, '31.2% in 2022/23, worse than England (21.4%), and getting worse', who);
        assert.equal(flag?.ruleTitle, 'Worse than comparators and getting worse');
        assert.match(flag?.ruleTest ?? '', /confidence interval/);
        assert.equal(body.mayAcknowledge, who === 'author' || who === 'principal_adviser', who);
      } else assert.equal(status, 404, `${who} sees nothing of Durham's risk view`);
    }
    assert.equal((await council('hartlepoolOfficer')).status, 404, "Hartlepool's officer sees nothing of Durham's");
    assert.equal((await council('hartlepoolOfficer', HARTLEPOOL)).status, 200, "but sees Hartlepool's own");
  });

  it('puts items under their cause for those who may read them, and none of them before the council they are not shared with', async () => {
    const items = (body: CouncilJson) => body.causes.flatMap((c) => c.items.map((i) => i.id));
    assert.deepEqual(items((await council('author')).body), [itemId]);
    assert.deepEqual(items((await council('principal_adviser')).body), [itemId], 'restricted: open to the sector body');
    assert.deepEqual(items((await council('performance_officer')).body), [], 'not shared with the council');
    const page = await (await as('performance_officer').fetch(`/areas/${DURHAM}/risk`)).text();
    assert.match(page, /worse than England/);
    assert.doesNotMatch(page, /Reserves falling fast/);
  });

  it('says where a rule could not look, and why, under its cause', async () => {
    const { sql } = world.store;
    const metric = await importText(sql, 'monthly.csv', 'code,title,polarity,value_kind,period_kind,status\nmonthly-visits,Monthly visits,higher_is_better,count,month,published\n');
    const values = await importText(sql, 'visits.csv', `metric,area,period,value\n${['2024-01', '2024-02', '2024-03'].map((p) => `monthly-visits,${DURHAM},${p},10`).join('\n')}\n`);
    assert.deepEqual([metric.status, values.status], ['loaded', 'loaded']);
    await world.server.engine.batchLoaded(values.batchId);
    const { body } = await council('author');
    const notLooked = body.causes.find((c) => c.cause === 'service_performance')!.notLooked;
    assert.deepEqual(
      notLooked.map((n) => [n.rule, n.reason, n.metrics]),
      [['in_year_special_cause', 'too_few_points', ['Monthly visits']]],
    );
  });

  it('refuses a path that is not a council, and answers a code of no council as not found', async () => {
    const bad = await as('author').fetch('/api/areas/nonsense/risk');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as CouncilJson).message ?? '', /'code'/);
    assert.equal((await as('author').fetch('/api/areas/E06999999/risk')).status, 404);
    assert.equal((await as('author').fetch('/api/areas/E92000001/risk')).status, 404, 'England is not a council');
  });

  it('lets advisers alone acknowledge a flag, naming the field of a bad reason, and probes by id find nothing', async () => {
    const flag = await durhamFlag();
    const post = (who: Who | 'hartlepoolOfficer', id: number | string, body: unknown) => as(who).json('POST', `/api/flags/${id}/acknowledgements`, body);
    const reason = { reason: 'Known: the council has a healthy weight plan agreed in March.' };
    for (const who of EVERYONE) {
      if (who === 'author' || who === 'principal_adviser') continue;
      assert.equal((await post(who, flag.id, reason)).status, who === 'public' ? 401 : 403, who);
    }
    assert.equal((await post('hartlepoolOfficer', flag.id, reason)).status, 403);
    const missing = await post('author', flag.id, {});
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as { message: string }).message, /'reason'/);
    const short = await post('author', flag.id, { reason: 'ok' });
    assert.match(((await short.json()) as { message: string }).message, /'reason': the reason must be 10 to 2000/);
    assert.equal((await post('author', 'abc', reason)).status, 400);
    assert.equal((await post('author', 999999, reason)).status, 404);
    assert.equal((await post('author', flag.id, { ...reason, fingerprint: 'not what it reads' })).status, 409);
    const made = await post('author', flag.id, { ...reason, fingerprint: flag.fingerprint });
    assert.equal(made.status, 201);
    const audited = await world.store.sql`select summary from audit_event where record_kind = 'flag' and record_id = ${String(flag.id)} and action = 'change'`;
    assert.equal(audited.length, 1);
  });

  it('keeps an acknowledged flag muted, with its reason, who and when, until its figures change', async () => {
    const flag = await durhamFlag();
    assert.equal(flag.muted?.reason, 'Known: the council has a healthy weight plan agreed in March.');
    assert.match(flag.muted?.by ?? '', /author@sector\.example/);
    const page = await (await as('panel_member').fetch(`/areas/${DURHAM}/risk`)).text();
    assert.match(page, /Acknowledged by Alex Author/);
    await syncFlags(world.store.sql, [OBESITY], [line(DURHAM, 32.5), line(HARTLEPOOL, 33.9)], new Date());
    const changed = await durhamFlag();
    assert.equal(changed.id, flag.id);
    assert.equal(changed.muted, null, 'new figures unmute it');
  });

  it('acknowledges from the council page, showing a refused reason beside its field', async () => {
    const flag = flagsIn((await council('author', HARTLEPOOL)).body)[0]!;
    const form = (reason: string) =>
      as('author').fetch(`/areas/${HARTLEPOOL}/risk/flags/${flag.id}/acknowledgements`, {
        method: 'POST',
        body: new URLSearchParams({ reason, fingerprint: flag.fingerprint, _csrf: as('author').csrfToken }),
      });
    const refused = await form('');
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /href="#reason-\d+"/);
    assert.match(html, /Say why the flag is known/);
    const done = await form('Being dealt with through the improvement plan.');
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `/areas/${HARTLEPOOL}/risk#flag-${flag.id}`);
    assert.notEqual(flagsIn((await council('author', HARTLEPOOL)).body)[0]!.muted, null);
  });

  it('shows councils side by side to watchers alone, and keeps a patch refused whole for a council it does not know', async () => {
    for (const who of EVERYONE) {
      const status = (await as(who).fetch('/api/risk?scope=england')).status;
      assert.equal(status, who === 'public' ? 401 : WATCHERS.includes(who) ? 200 : 403, who);
    }
    const bad = await as('author').json('PUT', '/api/risk/patch', { areas: [DURHAM, 'E06999999'] });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /'areas': ‘E06999999’ is not a council/);
    assert.equal((await as('panel_member').json('PUT', '/api/risk/patch', { areas: [DURHAM] })).status, 403, 'only advisers keep a patch');
    const set = await as('author').json('PUT', '/api/risk/patch', { areas: ['Hartlepool', DURHAM.toLowerCase()] });
    assert.deepEqual(await set.json(), { areas: [HARTLEPOOL, DURHAM] });
    const patch = (await (await as('author').fetch('/api/risk')).json()) as { rows: { council: { name: string }; cells: { flags: unknown[]; items: unknown[] }[] }[] };
    assert.deepEqual(
      patch.rows.map((r) => r.council.name),
      ['County Durham', 'Hartlepool'],
    );
    assert.equal((await as('author').fetch('/api/risk?scope=wales')).status, 400);
  });

  it('edits the patch through its form, naming the field of an unknown council', async () => {
    assert.equal((await as('author').fetch('/risk/patch/edit')).status, 200);
    assert.equal((await as('performance_officer').fetch('/risk/patch/edit')).status, 403);
    const post = (areas: string) => as('author').fetch('/risk/patch', { method: 'POST', body: new URLSearchParams({ areas, _csrf: as('author').csrfToken }) });
    const refused = await post('Hartlepool\nNowhere Borough');
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /href="#areas"/);
    assert.match(html, /‘Nowhere Borough’ is not a council Lantern knows/);
    assert.match(html, /Nowhere Borough<\/textarea>/, 'the input is kept');
    assert.equal((await post(`Hartlepool\n${DURHAM}`)).status, 303);
  });

  it('says what is new since the last visit, and lists a line per council, cause and flag or item in the CSV', async () => {
    const first = await (await as('author').fetch('/risk')).text();
    assert.match(first, /This is your first visit/);
    await world.store.sql`update risk_view_visit set visited_at = now() - interval '2 hours'`;
    await syncFlags(world.store.sql, [OBESITY], [line(DURHAM, 33.0), line(HARTLEPOOL, 33.9)], new Date());
    const second = await (await as('author').fetch('/risk')).text();
    assert.match(second, /New since your last visit/);
    assert.match(second, /Changed: 33% in 2022\/23/);
    assert.doesNotMatch(second, /Changed: 33.9%/, "Hartlepool's flag did not change");
    const csv = await as('author').fetch('/risk.csv?scope=england');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.match(lines[0]!, /^council_code,council,cause,cause_label,kind,id,title,sentence/);
    assert.ok(lines.some((l) => l.startsWith(`${DURHAM},County Durham,service_performance,Service performance,flag,`) && l.includes('33% in 2022/23')));
    assert.ok(lines.some((l) => l.startsWith(`${DURHAM},County Durham,financial_difficulty,`) && l.includes('Reserves falling fast')));
    assert.equal((await as('performance_officer').fetch('/risk.csv')).status, 403);
  });

  it("reads England's records again once any of them changes", async () => {
    const titles = async () =>
      ((await (await as('author').fetch('/api/risk?scope=england')).json()) as { rows: { cells: { items: { title: string }[] }[] }[] }).rows.flatMap((r) =>
        r.cells.flatMap((c) => c.items.map((i) => i.title)),
      );
    assert.ok(!(await titles()).includes('Chief executive left suddenly'));
    await authorItem(world, 'restricted', { title: 'Chief executive left suddenly', cause: 'leadership', riskFactor: undefined });
    assert.ok((await titles()).includes('Chief executive left suddenly'), 'a new item is seen at once');
  });

  it("counts England's flags rule by rule in each cell, marking the acknowledged and the stale, with no total", async () => {
    const { id } = await authorItem(world, 'restricted', { title: 'Governance worry unreviewed', subjectArea: HARTLEPOOL, cause: 'leadership', riskFactor: undefined });
    await world.store.sql`update intelligence_item set reviewed_at = now() - interval '7 months', updated_at = now() where id = ${id}`;
    const page = await (await as('author').fetch('/risk?scope=england')).text();
    const hartlepool = page.slice(page.indexOf(`href="/areas/${HARTLEPOOL}/risk">Hartlepool`), page.indexOf('</tr>', page.indexOf(`href="/areas/${HARTLEPOOL}/risk">Hartlepool`)));
    assert.match(hartlepool, /Worse and worsening: 1 metric \(1 acknowledged\)/, 'an acknowledged flag is marked');
    assert.match(hartlepool, /1 item \(1 stale\)/, 'a stale item is marked');
    const grid = page.slice(page.indexOf('<table'), page.indexOf('</table>'));
    assert.doesNotMatch(grid, /#flag-/, "England's cells link to the council's view, not to each flag");
    assert.doesNotMatch(grid, /total/i, 'no total across causes');
  });

  it("audits a listing of restricted records once, and a council's view record by record", async () => {
    const { sql } = world.store;
    const before = await sql<{ n: number }[]>`select count(*)::int as n from audit_event where action = 'read' and record_kind = 'flag'`;
    await as('panel_member').fetch('/api/risk?scope=england');
    const listing = await sql<{ summary: string; recordId: string | null }[]>`
      select summary, record_id as "recordId" from audit_event where action = 'read' and record_kind = 'flag' order by id desc limit 1`;
    assert.deepEqual([...listing], [{ summary: 'risk view of England: 2 listed', recordId: null }]);
    await as('panel_member').fetch(`/api/areas/${DURHAM}/risk`);
    const after = await sql<{ n: number }[]>`select count(*)::int as n from audit_event where action = 'read' and record_kind = 'flag'`;
    assert.equal(after[0]!.n - before[0]!.n, 2, 'one for the listing, one for the flag of Durham');
  });
});
