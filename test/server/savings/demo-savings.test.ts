// The demo's savings and mentoring: made once for County Durham (and
// savings for its neighbours) when its organisation is there, every figure
// and name marked synthetic, each saving passing the domain's checks, each
// mentor cleared of conflicts with the council, one arrangement closed with
// its review; the savings' baseline spend invented for the demo and
// labelled so, its values flagged estimated.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { savingsTotals } from '../../../src/domain/savings/index.ts';
import { createDemoMentoring } from '../../../src/server/features/mentoring/demo-mentoring.ts';
import { createDemoSavings } from '../../../src/server/features/savings/demo-savings.ts';
import { arrangements } from '../../../src/store/mentoring.ts';
import { createOrganisation } from '../../../src/store/organisations.ts';
import { savingsOfYears } from '../../../src/store/savings.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe('the demo’s savings and mentoring', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('makes nothing without Durham’s organisation', async () => {
    await createDemoSavings(store.sql, () => undefined);
    await createDemoMentoring(store.sql, () => undefined);
    assert.equal((await savingsOfYears(store.sql, ['2008/09', '2009/10', '2010/11'])).length, 0);
    assert.equal((await arrangements(store.sql)).length, 0);
  });

  it('makes them once, each marked synthetic', async () => {
    await createOrganisation(store.sql, { name: 'Durham County Council', kind: 'council', areaCode: DURHAM });
    await createOrganisation(store.sql, { name: 'Sector improvement body', kind: 'sector_body', areaCode: null });
    const logged: string[] = [];
    for (let run = 0; run < 2; run++) {
      await createDemoSavings(store.sql, (line) => logged.push(line));
      await createDemoMentoring(store.sql, (line) => logged.push(line));
    }
    assert.equal(logged.length, 3, logged.join('\n'));
    assert.match(logged.join('\n'), /gave 3 demo councils an illustrative baseline spend \(net-revenue-expenditure, 2007\/08\), invented and labelled so/);
    const baseline = await store.sql<{ title: string; source: string; area: string; value: number; flags: number }[]>`
      select m.title, m.source, a.code as area, o.value, o.flags from observation o join metric m on m.id = o.metric_id join area a on a.id = o.area_id
      where m.code = 'net-revenue-expenditure' and o.period = '2007/08' order by a.code`;
    assert.deepEqual(
      baseline.map((b) => [b.area, b.value]),
      [
        ['E06000005', 95_000_000],
        ['E06000047', 420_000_000],
        ['E08000024', 260_000_000],
      ],
    );
    assert.ok(
      baseline.every((b) => /illustrative/.test(b.title) && /not published data/.test(b.source) && b.flags !== 0),
      'labelled illustrative, each value flagged estimated',
    );
    const savings = await savingsOfYears(store.sql, ['2008/09', '2009/10', '2010/11']);
    assert.ok(new Set(savings.map((s) => s.councilCode)).size >= 2, 'Durham and a neighbour');
    assert.ok(savings.every((s) => s.description.endsWith('(synthetic)')));
    const totals = savingsTotals(savings);
    assert.ok(totals.byStatus.estimated.count > 0 && totals.byStatus.claimed.count > 0 && totals.withEvidence.count > 0, 'every status but verified');
    const made = await arrangements(store.sql);
    assert.equal(made.length, 2);
    assert.ok(made.every((a) => a.menteeName.endsWith('(synthetic)') && a.mentorName.endsWith('(synthetic)') && a.sessions.length >= 2));
    assert.deepEqual(
      made.map((a) => a.review?.helpful ?? null),
      [null, 'yes'],
    );
  });
});
