// The partnership's savings page on the real app and store, over 30
// councils' savings: 25 councils a page, the filters a partner asks for
// (council, status, verified or not) kept from page to page, unknown values
// ignored; the totals the same as the API's; each person shown only the
// councils the policy lets them read; and the audit trail holding one event
// for the totals read and a row for each saving the page names, none for
// the savings it only added up. The API still audits every saving it reads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keptSavingsGoal } from '../../../src/ingest/savings-goal.ts';
import { createOrganisation } from '../../../src/store/organisations.ts';
import { placesOf } from '../../../src/store/peer-pool.ts';
import { createSaving } from '../../../src/store/savings.ts';
import { openWorld, type World } from '../access/world.ts';

const goal = keptSavingsGoal();
const YEAR = goal.years.at(-1)!;
const STATUSES = ['estimated', 'claimed', 'evidenced', 'verified'] as const;

describe('the partnership’s savings page, a page of councils at a time', () => {
  let world: World;
  let councils: { code: string; name: string }[];
  before(async () => {
    world = await openWorld();
    const sql = world.store.sql;
    const taken = new Set(Object.values(world.organisations).flatMap((o) => (o.areaCode ? [o.areaCode] : [])));
    const places = [...(await placesOf(sql)).values()].filter((p) => ['unitary', 'county', 'london_borough', 'metropolitan_district'].includes(p.type) && !taken.has(p.code));
    councils = places.slice(0, 30).map((p) => ({ code: p.code, name: p.name }));
    assert.equal(councils.length, 30, 'the catalogue holds 30 councils');
    const partner = world.users.regional_partner.id;
    for (const [c, council] of councils.entries()) {
      const organisationId = (await createOrganisation(sql, { name: `Council ${council.code}`, kind: 'council', areaCode: council.code })).id;
      for (const [i, year] of goal.years.entries()) {
        const status = STATUSES[(c + i) % STATUSES.length]!;
        const id = await createSaving(
          sql,
          {
            councilCode: council.code,
            year,
            amount: 1_000 * (c + 1),
            cashReleasing: true,
            lastsFullYears: 2,
            source: 'procurement',
            description: `Saving of ${council.name}, ${year}`,
            status: status === 'verified' ? 'evidenced' : status,
            evidence: status === 'evidenced' || status === 'verified' ? { kind: 'document', reference: 'Minutes' } : null,
            verifiedBy: null,
          },
          organisationId,
          null,
        );
        if (status === 'verified') await sql`update saving set status = 'verified', verified_by = ${partner}, verified_at = now() where id = ${id}`;
        // and one a council does not count: not cash-releasing
        if (i === 0)
          await createSaving(
            sql,
            {
              councilCode: council.code,
              year: YEAR,
              amount: 50,
              cashReleasing: false,
              lastsFullYears: 3,
              source: 'other',
              description: `Not cash of ${council.name}`,
              status: 'estimated',
              evidence: null,
              verifiedBy: null,
            },
            organisationId,
            null,
          );
      }
    }
  });
  after(() => world?.close());

  const page = async (query: string, who: keyof World['browsers'] = 'regional_partner') => {
    const response = await world.browsers[who].fetch(`/savings?${query}`);
    assert.equal(response.status, 200, `${query}: ${world.server.logged.filter((l) => l.startsWith('error')).join('\n')}`);
    return response.text();
  };
  const byName = () => [...councils].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code));

  it('shows 25 councils a page, by name, the rest on the next, the total over all of them', async () => {
    const first = await page(`year=${encodeURIComponent(YEAR)}`);
    const links = rowsLinked(first);
    assert.equal(links.length, 25);
    const sorted = byName().map((c) => c.code);
    assert.deepEqual(links, sorted.slice(0, 25), 'by name');
    assert.match(first, /Savings that count, by council and status, \d{4}\/\d{2} \(30 councils\)<span class="govuk-caption-m">1 to 25, page 1 of 2<\/span>/);
    assert.match(first, /All councils the filters keep \(every page\)/);
    const second = await page(`year=${encodeURIComponent(YEAR)}&page=2`);
    const rest = rowsLinked(second);
    assert.deepEqual(
      rest,
      byName()
        .map((c) => c.code)
        .slice(25),
    );
    assert.deepEqual(new Set([...links, ...rest]).size, 30);
    assert.match(second, /26 to 30, page 2 of 2/);
    const past = await page(`year=${encodeURIComponent(YEAR)}&page=9`);
    assert.match(past, /This page is past the last \(2\)\./);
  });

  it('gives the same totals as the API, over every council, whatever the page', async () => {
    const api = (await (await world.browsers.regional_partner.fetch('/api/savings/partnership')).json()) as {
      years: { year: string; totals: { withEvidence: { amount: number } } }[];
    };
    const html = await page(`year=${encodeURIComponent(YEAR)}&page=2`);
    for (const y of api.years) {
      const shown = `£${Math.round(y.totals.withEvidence.amount).toLocaleString('en-GB')} with evidence`;
      assert.ok(html.includes(shown), `${y.year}: ${shown}`);
    }
  });

  it('filters by council, status and verified or not, keeping the filters from page to page, ignoring values it does not know', async () => {
    const one = byName()[3]!;
    const named = await page(`year=${encodeURIComponent(YEAR)}&council=${encodeURIComponent(one.name.slice(0, 200))}`);
    assert.ok(rowsLinked(named).includes(one.code));
    assert.match(named, /Show every council<\/a>/);
    const byCode = await page(`year=${encodeURIComponent(YEAR)}&council=${one.code.toLowerCase()}`);
    assert.deepEqual(rowsLinked(byCode), [one.code]);
    const yearIndex = goal.years.indexOf(YEAR);
    const want = (status: string) => councils.filter((_, c) => STATUSES[(c + yearIndex) % STATUSES.length] === status).map((c) => c.code);
    const verified = await page(`year=${encodeURIComponent(YEAR)}&verified=yes`);
    assert.deepEqual(rowsLinked(verified).sort(), want('verified').sort());
    const claimed = await page(`year=${encodeURIComponent(YEAR)}&status=claimed`);
    assert.deepEqual(rowsLinked(claimed).sort(), want('claimed').sort());
    // every council has an estimated saving that does not count, so "not verified" keeps them all: 25 and a second page
    const notVerified = await page(`year=${encodeURIComponent(YEAR)}&verified=no`);
    assert.equal(rowsLinked(notVerified).length, 25);
    assert.match(notVerified, /href="\/savings\?year=[^"]*&amp;verified=no&amp;page=2"/);
    const nobody = await page(`year=${encodeURIComponent(YEAR)}&council=Nowhere+at+all`);
    assert.match(nobody, /No council passes the filters\./);
    const bogus = await page(`year=1066&status=lost&verified=maybe&page=-3`);
    assert.equal(rowsLinked(bogus).length, 25, 'unknown values are ignored');
    assert.match(bogus, /page 1 of 2/);
  });

  it('names only the page’s councils’ savings the rule leaves out, and audits those reads alone, with one event for the totals', async () => {
    const [before] = await world.store.sql<{ id: string }[]>`select coalesce(max(id), 0)::text as id from audit_event where user_id = ${world.users.regional_partner.id}`;
    const html = await page(`year=${encodeURIComponent(YEAR)}`);
    const shown = [...html.matchAll(/<li>([^<]*): £50, Not cash of [^<]* \(not cash-releasing\)<\/li>/g)];
    assert.equal(shown.length, 25, 'the 25 councils’ savings that do not count');
    const trail = await world.store.sql<{ action: string; recordKind: string; recordId: string | null; summary: string }[]>`
      select action, record_kind as "recordKind", record_id as "recordId", summary from audit_event
      where user_id = ${world.users.regional_partner.id} and id > ${before!.id}::bigint order by id`;
    const perSaving = trail.filter((e) => e.recordId !== null);
    const totals = trail.filter((e) => e.recordId === null);
    assert.equal(perSaving.length, 25);
    assert.ok(perSaving.every((e) => e.action === 'read' && e.recordKind === 'saving' && e.summary === 'read the savings the rule does not count, on the partnership page'));
    assert.deepEqual(
      totals.map((e) => [e.action, e.recordKind, e.summary]),
      [['read', 'saving', `read the totals of ${councils.length * (goal.years.length + 1)} savings of 30 councils against the goal`]],
    );
  });

  it('shows a council’s officer their own council alone, and another council’s nothing of it', async () => {
    const own = await page(`year=${encodeURIComponent(YEAR)}`, 'performance_officer');
    assert.deepEqual(rowsLinked(own), [], 'Durham has no savings here');
    assert.match(own, /No savings of \d{4}\/\d{2} that you may see\./);
    assert.ok(!own.includes('Not cash of'));
    const adviser = await page(`year=${encodeURIComponent(YEAR)}`, 'principal_adviser');
    assert.deepEqual(rowsLinked(adviser), []);
    assert.equal((await world.browsers.public.fetch('/savings')).status, 303, 'the public is sent to sign in');
  });
});

/** The councils of the table's rows, in order, by the links of their names. */
function rowsLinked(html: string): string[] {
  return [...html.matchAll(/<th scope="row" class="govuk-table__header"><a class="govuk-link" href="\/savings\/councils\/(E\d{8})">/g)].map((m) => m[1]!);
}
