// A metric's method, caveats, publisher's page and dates, imported with its
// definition from a publisher's mapping (as ONS Explore Local Statistics and
// DfE's files carry them), kept in the store and read back; a field that does
// not read refuses the mapping with a message naming it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importFile } from '../../src/ingest/import-file.ts';
import { MappingError, parseMapping } from '../../src/ingest/column-mapping.ts';
import { metricAboutOf } from '../../src/store/metric-about.ts';
import { textStream } from '../support/data.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const FIGURES = 'areacd,metric_code,period,value\nE06000047,ELS900,2023,12.5\nE06000001,ELS900,2023,11\nE06000047,ELS901,2023,3\n';

function mapping(about: Record<string, string>): string {
  return JSON.stringify({
    area: 'areacd',
    period: 'period',
    metric: 'metric_code',
    value: 'value',
    metrics: {
      ELS900: { title: 'Adults who cycle weekly', definition: 'Share of adults who cycle at least once a week', unit: '%', polarity: 'higher', ...about },
      ELS901: { title: 'Bus stops per square kilometre', definition: 'Bus stops per square kilometre', unit: 'stops' },
    },
  });
}

describe('metric metadata and freshness at import', () => {
  let store: TestStore;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(async () => {
    await store?.close();
  });

  it("keeps the method, caveats, publisher's page and dates a mapping gives, and nothing for a metric that gives none", async () => {
    const parsed = parseMapping(
      mapping({
        method: 'From the Active Lives survey, weighted to the population.',
        caveats: 'Not available for 2018.',
        source_url: 'https://www.gov.uk/government/statistical-data-sets/cycling',
        published_on: '18/12/2025|06/05/2026',
        next_update: '2027-05-06',
      }),
      'els.mapping.json',
    );
    const result = await importFile(store.sql, { fileName: 'els.csv', input: textStream(FIGURES), importedBy: 'test', skipInvalid: false, mapping: parsed });
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    const about = await metricAboutOf(store.sql, ['adults-who-cycle-weekly', 'bus-stops-per-square-kilometre']);
    assert.deepEqual(Object.fromEntries(about), {
      'adults-who-cycle-weekly': {
        method: 'From the Active Lives survey, weighted to the population.',
        caveats: 'Not available for 2018.',
        sourceUrl: 'https://www.gov.uk/government/statistical-data-sets/cycling',
        publishedOn: '2026-05-06',
        nextUpdate: '2027-05-06',
      },
    });
    const history = await store.sql`select from metric_history h join metric m on m.id = h.metric_id where m.code = 'adults-who-cycle-weekly'`;
    assert.equal(history.length, 0, 'a new metric has its metadata from its first version, not as a change');
  });

  it("refreshes the publication date and next update when a newer release of a metric's figures comes with its mapping", async () => {
    const release = (publishedOn: string, nextUpdate: string, figures: string) =>
      importFile(store.sql, {
        fileName: `release-${publishedOn}.csv`,
        input: textStream(figures),
        importedBy: 'test',
        skipInvalid: false,
        mapping: parseMapping(
          JSON.stringify({
            area: 'areacd',
            period: 'period',
            metric: 'metric_code',
            value: 'value',
            metrics: { ELS910: { title: 'Adults who walk weekly', unit: '%', polarity: 'higher', published_on: publishedOn, next_update: nextUpdate } },
          }),
          'walk.mapping.json',
        ),
      });
    const first = await release('2025-05-01', '2026-05-01', 'areacd,metric_code,period,value\nE06000047,ELS910,2023,60\n');
    assert.equal(first.status, 'loaded', JSON.stringify(first.rejections));
    const newer = await release('2026-05-07', '2027-05-06', 'areacd,metric_code,period,value\nE06000047,ELS910,2023,60\nE06000047,ELS910,2024,62\n');
    assert.equal(newer.status, 'loaded', JSON.stringify(newer.rejections));
    assert.deepEqual((await metricAboutOf(store.sql, ['adults-who-walk-weekly'])).get('adults-who-walk-weekly'), { publishedOn: '2026-05-07', nextUpdate: '2027-05-06' });
    const [held] = await store.sql<{ title: string }[]>`select title from metric where code = 'adults-who-walk-weekly'`;
    assert.equal(held?.title, 'Adults who walk weekly');
  });

  it('reads them from a file of definitions too, and a later file changes only the columns it gives', async () => {
    const first = await importText(
      store.sql,
      'definitions.csv',
      [
        'code,title,polarity,value_kind,period_kind,source_url,published_on,next_update',
        'about-check,A metric of definitions,higher_is_better,mean,calendar_year,https://example.gov.uk/about-check,2026-03-01,01/03/2027',
      ].join('\n'),
    );
    assert.equal(first.status, 'loaded', JSON.stringify(first.rejections));
    const later = await importText(store.sql, 'next-update.csv', 'code,title,next_update\nabout-check,A metric of definitions,2027-06-01\n');
    assert.equal(later.status, 'loaded', JSON.stringify(later.rejections));
    assert.deepEqual((await metricAboutOf(store.sql, ['about-check'])).get('about-check'), {
      sourceUrl: 'https://example.gov.uk/about-check',
      publishedOn: '2026-03-01',
      nextUpdate: '2027-06-01',
    });
  });

  it('refuses a file of definitions whose date does not read, naming the column', async () => {
    const result = await importText(store.sql, 'bad-date.csv', 'code,title,next_update\nabout-check,A metric of definitions,soon\n');
    assert.equal(result.status, 'rejected');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.column, r.reason]),
      [[2, 'next_update', "'next_update' is 'soon', which is not a date: write it as 2026-05-06 or 06/05/2026"]],
    );
  });

  for (const [field, cell, words] of [
    ['source_url', 'www.gov.uk/cycling', /'metrics\.ELS900\.source_url' is 'www\.gov\.uk\/cycling', which is not a web address: give one starting https:\/\//],
    ['published_on', '31/02/2026', /'metrics\.ELS900\.published_on' is '31\/02\/2026', which is not a date: write it as 2026-05-06 or 06\/05\/2026/],
    ['next_update', 'next spring', /'metrics\.ELS900\.next_update' is 'next spring', which is not a date/],
  ] as const) {
    it(`refuses a mapping whose ${field} does not read, naming the field`, () => {
      assert.throws(
        () => parseMapping(mapping({ [field]: cell }), 'els.mapping.json'),
        (error: Error) => error instanceof MappingError && words.test(error.message),
      );
    });
  }
});
