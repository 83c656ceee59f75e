import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { PERIOD_KINDS, comparePeriods, isPeriodKind, parsePeriod } from '../../../src/domain/period/index.ts';
import type { Period, PeriodKind } from '../../../src/domain/period/index.ts';

type Case = readonly [input: string, label: string, kind: PeriodKind, start: string, end: string];

const ACCEPTED: readonly Case[] = Object.freeze([
  ['2015/16', '2015/16', 'financial_year', '2015-04-01', '2016-03-31'],
  ['2015-16', '2015/16', 'financial_year', '2015-04-01', '2016-03-31'],
  ['2015/2016', '2015/16', 'financial_year', '2015-04-01', '2016-03-31'],
  ['2015-2016', '2015/16', 'financial_year', '2015-04-01', '2016-03-31'],
  ['FY2015/16', '2015/16', 'financial_year', '2015-04-01', '2016-03-31'],
  ['fy 2015/16', '2015/16', 'financial_year', '2015-04-01', '2016-03-31'],
  ['FY2011-12', '2011/12', 'financial_year', '2011-04-01', '2012-03-31'],
  ['  1999/00 ', '1999/00', 'financial_year', '1999-04-01', '2000-03-31'],
  ['2011', '2011', 'calendar_year', '2011-01-01', '2011-12-31'],
  ['CY2011', '2011', 'calendar_year', '2011-01-01', '2011-12-31'],
  ['cy 1900', '1900', 'calendar_year', '1900-01-01', '1900-12-31'],
  ['2100', '2100', 'calendar_year', '2100-01-01', '2100-12-31'],
  ['2023/24 Q1', '2023/24 Q1', 'quarter', '2023-04-01', '2023-06-30'],
  ['2023/24 Q2', '2023/24 Q2', 'quarter', '2023-07-01', '2023-09-30'],
  ['2023-24 Q2', '2023/24 Q2', 'quarter', '2023-07-01', '2023-09-30'],
  ['Q2 2023/24', '2023/24 Q2', 'quarter', '2023-07-01', '2023-09-30'],
  ['2023/24 q2', '2023/24 Q2', 'quarter', '2023-07-01', '2023-09-30'],
  ['2023/24 Q3', '2023/24 Q3', 'quarter', '2023-10-01', '2023-12-31'],
  ['2023/24 Q4', '2023/24 Q4', 'quarter', '2024-01-01', '2024-03-31'],
  ['2024-03', '2024-03', 'month', '2024-03-01', '2024-03-31'],
  ['2011-12', '2011-12', 'month', '2011-12-01', '2011-12-31'],
  ['2024-02', '2024-02', 'month', '2024-02-01', '2024-02-29'],
  ['Feb 2023', '2023-02', 'month', '2023-02-01', '2023-02-28'],
  ['Mar 2024', '2024-03', 'month', '2024-03-01', '2024-03-31'],
  ['MARCH 2024', '2024-03', 'month', '2024-03-01', '2024-03-31'],
  ['september  2023', '2023-09', 'month', '2023-09-01', '2023-09-30'],
  ['2010 - 12', '2010 - 12', 'multi_calendar_year', '2010-01-01', '2012-12-31'],
  ['2010 - 2012', '2010 - 12', 'multi_calendar_year', '2010-01-01', '2012-12-31'],
  ['2010-2012', '2010 - 12', 'multi_calendar_year', '2010-01-01', '2012-12-31'],
  ['2010 \u2013 12', '2010 - 12', 'multi_calendar_year', '2010-01-01', '2012-12-31'],
  ['1998 - 00', '1998 - 00', 'multi_calendar_year', '1998-01-01', '2000-12-31'],
  ['2010 - 19', '2010 - 19', 'multi_calendar_year', '2010-01-01', '2019-12-31'],
  ['2018/19 - 22/23', '2018/19 - 22/23', 'multi_financial_year', '2018-04-01', '2023-03-31'],
  ['2018/19-2022/23', '2018/19 - 22/23', 'multi_financial_year', '2018-04-01', '2023-03-31'],
  ['2018/19 - 2022/23', '2018/19 - 22/23', 'multi_financial_year', '2018-04-01', '2023-03-31'],
  ['1998/99 - 00/01', '1998/99 - 00/01', 'multi_financial_year', '1998-04-01', '2001-03-31'],
] as const);

/** Input, and a fragment its reason must contain beside the input itself. */
const REFUSED: readonly (readonly [input: string, reason: string])[] = Object.freeze([
  ['2015/17', 'the second year must follow the first (2015/16)'],
  ['2015/2017', 'the second year must follow the first (2015/16)'],
  ['2015-17', 'write a span of years as 2015 - 17'],
  ['2015-00', 'the second year must follow the first (2015/16)'],
  ['2024/03', 'write a month as 2024-03'],
  ['2024-3', 'two digits (2024-03)'],
  ['2023/24 Q5', 'quarters run Q1 to Q4'],
  ['2023/25 Q2', 'not a quarter'],
  ['2010 - 10', 'must end after it starts'],
  ['2015-2014', 'must end after it starts'],
  ['2010 - 20', 'at most 10 years'],
  ['2018/19 - 18/19', 'must end after it starts'],
  ['2018/20 - 22/23', 'not a span of financial years'],
  ['1850', 'outside the years Lantern reads (1900 to 2100)'],
  ['2100/01', 'outside the years Lantern reads'],
  ['Spring 2020', 'use 2023/24, 2023, 2023/24 Q2, 2024-03, 2010 - 12'],
  ['Mar-24', 'not a period Lantern reads'],
  ['2023/24 and more', 'not a period Lantern reads'],
] as const);

function parsedPeriod(text: string): Period {
  const parsed = parsePeriod(text);
  assert.equal(parsed.kind, 'ok', `${text}: ${parsed.kind === 'invalid' ? parsed.reason : ''}`);
  return parsed.kind === 'ok' ? parsed.period : assert.fail('unreachable');
}

describe('parsePeriod(text) reads every accepted form into its canonical label and dates', () => {
  for (const [input, label, kind, start, end] of ACCEPTED) {
    it(`reads '${input}' as the ${kind} ${label}, ${start} to ${end}`, () => {
      assert.deepEqual(parsePeriod(input), { kind: 'ok', period: { label, kind, start, end } });
    });
  }

  it('reads every canonical label back as itself', () => {
    for (const [, label] of ACCEPTED) assert.equal(parsedPeriod(label).label, label);
  });

  it('returns a frozen result and a frozen period', () => {
    const parsed = parsePeriod('2023/24');
    assert.ok(Object.isFrozen(parsed));
    assert.ok(parsed.kind === 'ok' && Object.isFrozen(parsed.period));
  });
});

describe('parsePeriod(text) tells months from financial years by the separator and the digits', () => {
  it('reads YYYY-MM with MM from 01 to 12 as a month, so 2011-12 is December 2011', () => {
    assert.equal(parsedPeriod('2011-12').kind, 'month');
    assert.equal(parsedPeriod('2011-01').kind, 'month');
  });

  it('reads YYYY/YY as a financial year, so 2011/12 starts in April 2011', () => {
    assert.equal(parsedPeriod('2011/12').start, '2011-04-01');
  });

  it('reads YYYY-YY as a financial year when YY is not a month and follows the year', () => {
    assert.equal(parsedPeriod('2015-16').label, '2015/16');
    assert.equal(parsedPeriod('2099-00').label, '2099/00');
  });

  it('reads the FY prefix as a financial year even when the second year looks like a month', () => {
    assert.equal(parsedPeriod('FY2011-12').kind, 'financial_year');
  });

  it('reads YYYY-YYYY as a financial year when the years follow and as a span of years otherwise', () => {
    assert.equal(parsedPeriod('2015-2016').kind, 'financial_year');
    assert.equal(parsedPeriod('2015-2017').kind, 'multi_calendar_year');
  });
});

describe('parsePeriod(text) refuses bad input with a reason that names it', () => {
  it("says 'the period is empty' for empty or blank text", () => {
    assert.deepEqual(parsePeriod(''), { kind: 'invalid', reason: 'the period is empty' });
    assert.deepEqual(parsePeriod('  \t '), { kind: 'invalid', reason: 'the period is empty' });
  });

  it("suggests the right financial year for '2015/17'", () => {
    assert.deepEqual(parsePeriod('2015/17'), {
      kind: 'invalid',
      reason: "'2015/17' is not a financial year: the second year must follow the first (2015/16)",
    });
  });

  for (const [input, fragment] of REFUSED) {
    it(`refuses '${input}' because ${fragment}`, () => {
      const parsed = parsePeriod(input);
      assert.equal(parsed.kind, 'invalid');
      assert.ok(parsed.kind === 'invalid' && parsed.reason.includes(`'${input}'`), `reason names '${input}'`);
      assert.ok(parsed.kind === 'invalid' && parsed.reason.includes(fragment), `reason says ${fragment}`);
    });
  }
});

describe('parsePeriod(text) reads every period in the Fingertips extracts', () => {
  const folder = new URL('../../../../shared/data/fingertips-extracts/', import.meta.url);

  function periodsInExtracts(): Set<string> {
    const periods = new Set<string>();
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.csv'))) {
      // Area names hold commas ("Bournemouth, Christchurch and Poole"), so parse the CSV properly.
      const parsed = Papa.parse<Record<string, string>>(readFileSync(new URL(file, folder), 'utf8'), {
        header: true, skipEmptyLines: true,
      });
      assert.deepEqual(parsed.errors, [], file);
      for (const row of parsed.data) periods.add(row['period'] ?? '');
    }
    return periods;
  }

  it('reads each distinct period in fingertips-extracts/*.csv as itself: financial years, calendar years and rolling spans', () => {
    const periods = periodsInExtracts();
    assert.ok(periods.size >= 30, `found ${periods.size} periods`);
    const kinds = new Set<PeriodKind>();
    for (const text of periods) {
      const period = parsedPeriod(text);
      assert.equal(period.label, text);
      kinds.add(period.kind);
    }
    assert.deepEqual([...kinds].sort(), ['calendar_year', 'financial_year', 'multi_calendar_year']);
  });
});

describe('comparePeriods(a, b) orders by end date, then start date, then label', () => {
  const SORTED: readonly string[] = Object.freeze([
    '2010 - 12', '2012', '2012/13 Q3', '2012-12', '2011/12 - 12/13', '2012/13', '2012/13 Q4', '2013-03',
    '2013/14 Q1', '2011 - 13', '2013',
  ]);

  it('sorts a shuffled list into that order without changing the periods', () => {
    const periods = Object.freeze(SORTED.map(parsedPeriod).map((period) => Object.freeze(period)));
    const shuffled = Object.freeze([6, 2, 10, 0, 8, 4, 1, 9, 3, 7, 5].map((index) => periods[index] as Period));
    assert.deepEqual([...shuffled].sort(comparePeriods).map((period) => period.label), SORTED);
  });

  it('returns zero for equal periods and opposite signs when the arguments swap', () => {
    const a = parsedPeriod('2023/24');
    const b = parsedPeriod('2023/24 Q4');
    assert.equal(comparePeriods(a, parsedPeriod('2023-24')), 0);
    assert.ok(comparePeriods(a, b) < 0 && comparePeriods(b, a) > 0);
  });
});

describe('isPeriodKind(text) and PERIOD_KINDS', () => {
  it('knows the six period kinds and no others', () => {
    assert.deepEqual(PERIOD_KINDS, [
      'financial_year', 'calendar_year', 'quarter', 'month', 'multi_calendar_year', 'multi_financial_year',
    ]);
    for (const kind of PERIOD_KINDS) assert.ok(isPeriodKind(kind));
    for (const text of ['', 'year', 'Quarter', 'financial-year']) assert.equal(isPeriodKind(text), false);
  });

  it('freezes PERIOD_KINDS', () => {
    assert.ok(Object.isFrozen(PERIOD_KINDS));
  });
});
