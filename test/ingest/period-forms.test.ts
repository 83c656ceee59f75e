// Periods as publishers write them, through the one import path: snapshots on
// a day are stored as dates, ONS's intervals as the periods they are, and a
// year from another day is read as the year it mostly covers, said once per
// file in the batch's notices.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { queryObservations } from '../../src/store/observations.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

describe('importing periods as publishers write them', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const metrics = await importText(
      store.sql,
      'metrics.csv',
      csv(
        'code,title,polarity,value_kind,period_kind',
        'empty-homes,Long-term empty homes on the day,lower_is_better,count,date',
        'obesity-survey,Adults living with obesity (survey year),lower_is_better,mean,calendar_year',
        'pupils-absent,Pupils persistently absent (academic year),lower_is_better,mean,calendar_year',
        'homeless-duty,Households owed a prevention duty,lower_is_better,count,quarter',
      ),
    );
    assert.equal(metrics.status, 'loaded', JSON.stringify(metrics.rejections));
  });
  after(async () => store.close());

  async function stored(metric: string) {
    const rows = await queryObservations(store.sql, { metric, limit: 100, offset: 0 });
    return rows.map((row) => `${row.area} ${row.period} ${row.value}`).sort();
  }

  it('stores a snapshot on a day as a date period, and a metric of kind date accepts it', async () => {
    const result = await importText(store.sql, 'empty-homes.csv', csv('metric,area,period,value', 'empty-homes,E06000047,2020-12-31,1520', 'empty-homes,E06000047,2021-12-31,1480'));
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.deepEqual(await stored('empty-homes'), ['E06000047 2020-12-31 1520', 'E06000047 2021-12-31 1480']);
    const [period] = await store.sql<{ kind: string; start: string; end: string }[]>`
      select kind, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end from period where label = '2020-12-31'`;
    assert.deepEqual({ ...period }, { kind: 'date', start: '2020-12-31', end: '2020-12-31' });
  });

  it('stores ONS quarters (2018-04-01/P3M) as financial-year quarters, with no notice', async () => {
    const result = await importText(store.sql, 'hclic.csv', csv('metric,area,period,value', 'homeless-duty,E06000047,2018-04-01/P3M,210', 'homeless-duty,E06000047,2019-01-01/P3M,190'));
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.deepEqual(result.notices, []);
    assert.deepEqual(await stored('homeless-duty'), ['E06000047 2018/19 Q1 210', 'E06000047 2018/19 Q4 190']);
  });

  it('reads years from 16 November and 1 September as the calendar years they mostly cover, and says so once per form', async () => {
    const result = await importText(
      store.sql,
      'els.csv',
      csv(
        'metric,area,period,value',
        'obesity-survey,E06000047,2015-11-16/P1Y,30.0',
        'obesity-survey,E06000047,2016-11-16/P1Y,31.8',
        'obesity-survey,E06000001,2016-11-16/P1Y,33.1',
        'pupils-absent,E06000047,2015-09-01/P1Y,11.2',
        'pupils-absent,E06000047,2016-09-01/P1Y,10.9',
      ),
    );
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.deepEqual(result.notices, [
      '2015-11-16/P1Y, a year from 16 November, is read as 2016, the year it mostly covers',
      '2015-09-01/P1Y, a year from 1 September, is read as 2016, the year it mostly covers',
    ]);
    assert.deepEqual(await stored('obesity-survey'), ['E06000001 2017 33.1', 'E06000047 2016 30', 'E06000047 2017 31.8']);
  });

  it('rejects a date that is no date, and a date for a metric reported by years, naming the line and column; nothing is stored', async () => {
    const result = await importText(
      store.sql,
      'bad-dates.csv',
      csv('metric,area,period,value', 'empty-homes,E06000001,2021-02-29,5', 'visits,E06000001,2021-12-31,5', 'empty-homes,E06000001,Jul 2019-Jun 2020,5'),
    );
    assert.equal(result.status, 'rejected');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.column, r.reason]),
      [
        [2, 'period', "'2021-02-29' is not a date: February 2021 has 28 days"],
        [3, 'period', "'2021-12-31' is a date but visits is reported by calendar year"],
        [
          4,
          'period',
          "'Jul 2019-Jun 2020' is 12 months, July 2019 to June 2020, neither a calendar nor a financial year: Lantern reads spans of months written Jan 2012-Dec 2012 (a calendar year) or Apr 2019-Mar 2020 (a financial year)",
        ],
      ],
    );
    assert.deepEqual(
      (await stored('empty-homes')).filter((row) => row.startsWith('E06000001')),
      [],
    );
  });
});
