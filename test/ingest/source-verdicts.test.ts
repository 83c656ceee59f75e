// A source's own verdict on its figures (Fingertips' compared_to_England) is
// kept at import beside the figure, in the same batch: the judgements Lantern
// can name, never 'Not compared' or 'NA'; a later import of the figure
// replaces it; a rejected batch leaves none behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sourceVerdictsOf } from '../../src/store/source-verdicts.ts';
import { importText } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const HEADER = 'area_code,area_name,area_type,period,indicator,measure,unit,value,compared_to_England,inequality';
const TITLE = 'Source verdict check';
const CODE = 'source-verdict-check';
const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

function extract(rows: readonly string[]): string {
  return [HEADER, ...rows.map((row) => row.replace('{t}', TITLE))].join('\n');
}

describe('source verdicts kept at import', () => {
  let store: TestStore;

  before(async () => {
    store = await openTestStore();
    const areas = await importText(
      store.sql,
      'areas.csv',
      ['code,name,type,region_code', 'E12000001,North East,region,', `${DURHAM},County Durham,unitary,E12000001`, `${HARTLEPOOL},Hartlepool,unitary,E12000001`].join('\n'),
    );
    assert.equal(areas.status, 'loaded', JSON.stringify(areas.rejections));
  });
  after(async () => {
    await store?.close();
  });

  const verdicts = (area: string, period: string) => sourceVerdictsOf(store.sql, area, [{ metric: CODE, period }]);

  it("keeps Better, Similar and Worse against England, and nothing for 'Not compared' or 'NA'", async () => {
    const result = await importText(
      store.sql,
      'extract.csv',
      extract([
        `E92000001,England,Country,2021/22,{t},Percentage,Persons,60,Not compared,NA`,
        `${DURHAM},County Durham,UA,2021/22,{t},Percentage,Persons,70,Worse,NA`,
        `${HARTLEPOOL},Hartlepool,UA,2021/22,{t},Percentage,Persons,59,Similar,NA`,
        `${DURHAM},County Durham,UA,2020/21,{t},Percentage,Persons,NA,NA,NA`,
      ]),
    );
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.deepEqual([...(await verdicts(DURHAM, '2021/22'))], [[`${CODE} 2021/22`, { verdict: 'worse', benchmark: 'England' }]]);
    assert.deepEqual([...(await verdicts(HARTLEPOOL, '2021/22'))], [[`${CODE} 2021/22`, { verdict: 'similar', benchmark: 'England' }]]);
    assert.equal((await verdicts(DURHAM, '2020/21')).size, 0);
    assert.equal((await verdicts('E92000001', '2021/22')).size, 0);
  });

  it('replaces the verdict when a later import revises the figure', async () => {
    const result = await importText(store.sql, 'revised.csv', extract([`${DURHAM},County Durham,UA,2021/22,{t},Percentage,Persons,65,Better,NA`]));
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.deepEqual([...(await verdicts(DURHAM, '2021/22')).values()], [{ verdict: 'better', benchmark: 'England' }]);
    const [row] = await store.sql<{ batch: number }[]>`select v.batch_id as batch from source_verdict v join area a on a.id = v.area_id where a.code = ${DURHAM}`;
    assert.equal(row?.batch, result.batchId);
  });

  it('leaves no verdict behind from a batch that was rejected', async () => {
    const result = await importText(
      store.sql,
      'bad.csv',
      extract([`${HARTLEPOOL},Hartlepool,UA,2022/23,{t},Percentage,Persons,61,Worse,NA`, `${HARTLEPOOL},Hartlepool,UA,not a period,{t},Percentage,Persons,61,Worse,NA`]),
    );
    assert.equal(result.status, 'rejected');
    assert.equal((await verdicts(HARTLEPOOL, '2022/23')).size, 0);
  });
});
