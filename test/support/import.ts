// Importing from text in tests, through the one import path.
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import type { Sql } from '../../src/store/store.ts';
import { textStream } from './data.ts';

export function importText(sql: Sql, fileName: string, text: string | Buffer, skipInvalid = false): Promise<ImportResult> {
  return importFile(sql, { fileName, input: textStream(text), importedBy: 'test', skipInvalid });
}

/** A small metric library and areas, enough for observation tests. */
export async function seedCatalogue(sql: Sql): Promise<void> {
  const areas = await importText(
    sql,
    'areas.csv',
    ['code,name,type,region_code', 'E12000001,North East,region,', 'E06000047,County Durham,unitary,E12000001', 'E06000001,Hartlepool,unitary,E12000001', 'W06000001,Ynys Môn,welsh_council,'].join(
      '\n',
    ),
  );
  if (areas.status !== 'loaded') throw new Error(`seed areas rejected: ${JSON.stringify(areas.rejections)}`);
  const metrics = await importText(
    sql,
    'metrics.csv',
    [
      'code,title,polarity,value_kind,period_kind,multiplier,unit',
      'obesity,Adults classified as obese,lower_is_better,proportion,financial_year,100,%',
      'visits,Library visits,higher_is_better,count,calendar_year,,visits',
    ].join('\n'),
  );
  if (metrics.status !== 'loaded') throw new Error(`seed metrics rejected: ${JSON.stringify(metrics.rejections)}`);
}
