import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { PERIOD_KINDS, comparePeriods, isPeriodKind, parsePeriod } from '../../../src/domain/period/index.ts';
import type { Period, PeriodKind } from '../../../src/domain/period/index.ts';
import { sharedFile } from '../../support/data.ts';

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
  ['2019-20', '2019/20', 'financial_year', '2019-04-01', '2020-03-31'],
  ['April 2021', '2021-04', 'month', '2021-04-01', '2021-04-30'],
  ['Q1 2023/24', '2023/24 Q1', 'quarter', '2023-04-01', '2023-06-30'],
  ['2020-12-31', '2020-12-31', 'date', '2020-12-31', '2020-12-31'],
  ['2016-04-01', '2016-04-01', 'date', '2016-04-01', '2016-04-01'],
  ['2020-02-29', '2020-02-29', 'date', '2020-02-29', '2020-02-29'],
  ['Jan 2012-Dec 2012', '2012', 'calendar_year', '2012-01-01', '2012-12-31'],
  ['January 2012 - December 2012', '2012', 'calendar_year', '2012-01-01', '2012-12-31'],
  ['Apr 2019-Mar 2020', '2019/20', 'financial_year', '2019-04-01', '2020-03-31'],
  ['april 2019 \u2013 march 2020', '2019/20', 'financial_year', '2019-04-01', '2020-03-31'],
  ['Jan 2012 - Dec 2014', '2012 - 14', 'multi_calendar_year', '2012-01-01', '2014-12-31'],
  ['Apr 2018-Mar 2021', '2018/19 - 20/21', 'multi_financial_year', '2018-04-01', '2021-03-31'],
  ['2016-01-01/P1Y', '2016', 'calendar_year', '2016-01-01', '2016-12-31'],
  ['2016-01-01/P12M', '2016', 'calendar_year', '2016-01-01', '2016-12-31'],
  ['2016-04-01/P1Y', '2016/17', 'financial_year', '2016-04-01', '2017-03-31'],
  ['2018-04-01/P3M', '2018/19 Q1', 'quarter', '2018-04-01', '2018-06-30'],
  ['2018-10-01/P3M', '2018/19 Q3', 'quarter', '2018-10-01', '2018-12-31'],
  ['2019-01-01/P3M', '2018/19 Q4', 'quarter', '2019-01-01', '2019-03-31'],
  ['2024-03-01/P1M', '2024-03', 'month', '2024-03-01', '2024-03-31'],
  ['2014-01-01/P3Y', '2014 - 16', 'multi_calendar_year', '2014-01-01', '2016-12-31'],
  ['2014-01-01/P5Y', '2014 - 18', 'multi_calendar_year', '2014-01-01', '2018-12-31'],
  ['2014-04-01/P3Y', '2014/15 - 16/17', 'multi_financial_year', '2014-04-01', '2017-03-31'],
] as const);

/** ONS's years that start elsewhere: the input, the year it is read as, and the note it carries. */
const READ_AS: readonly (readonly [input: string, label: string, kind: PeriodKind, note: string])[] = Object.freeze([
  ['2015-09-01/P1Y', '2016', 'calendar_year', '2015-09-01/P1Y, a year from 1 September, is read as 2016, the year it mostly covers'],
  ['2015-11-16/P1Y', '2016', 'calendar_year', '2015-11-16/P1Y, a year from 16 November, is read as 2016, the year it mostly covers'],
  ['2015-02-01/P1Y', '2015', 'calendar_year', '2015-02-01/P1Y, a year from 1 February, is read as 2015, the year it mostly covers'],
  ['2015-08-01/P1Y', '2015/16', 'financial_year', '2015-08-01/P1Y, a year from 1 August, is read as 2015/16, the financial year it mostly covers'],
  ['2015-05-15/P1Y', '2015/16', 'financial_year', '2015-05-15/P1Y, a year from 15 May, is read as 2015/16, the financial year it mostly covers'],
  // 15 February 2015 to 14 February 2016: 320 days of 2015 and of 2015/16 alike, so the financial year.
  ['2015-02-15/P1Y', '2015/16', 'financial_year', '2015-02-15/P1Y, a year from 15 February, is read as 2015/16, the financial year it mostly covers'],
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
  ['2021-02-29', 'is not a date: February 2021 has 28 days'],
  ['2021-13-01', 'is not a date: months run from 01 to 12'],
  ['2021-04-31', 'April 2021 has 30 days'],
  [
    'Jul 2019-Jun 2020',
    '12 months, July 2019 to June 2020, neither a calendar nor a financial year: Lantern reads spans of months written Jan 2012-Dec 2012 (a calendar year) or Apr 2019-Mar 2020 (a financial year)',
  ],
  ['Jan 2012-Jun 2012', '6 months, January 2012 to June 2012, neither'],
  ['Mar 2020-Jan 2020', 'ends before it starts (March 2020 to January 2020)'],
  ['Jan 2012-Dec 2011', 'must end after it starts'],
  ['2016-02-01/P3M', 'not an interval Lantern reads: use a year (P1Y) or years (P3Y) from 1 January or 1 April, a quarter (P3M)'],
  ['2016-01-01/P6M', 'not an interval Lantern reads'],
  ['2016-01-15/P1M', 'not an interval Lantern reads'],
  ['2016-01-01/P1D', 'not an interval Lantern reads'],
  ['2016-09-01/P2Y', 'not an interval Lantern reads'],
  ['2016-01-01/2016-12-31', 'not an interval Lantern reads'],
  ['2016-02-30/P1Y', 'does not start on a date: February 2016 has 29 days'],
  ['2014-01-01/P11Y', 'at most 10 years'],
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

describe('parsePeriod(text) reads a year from another day as the year it mostly covers, and says so', () => {
  for (const [input, label, kind, note] of READ_AS) {
    it(`reads '${input}' as the ${kind} ${label}, with a note`, () => {
      const parsed = parsePeriod(input);
      assert.equal(parsed.kind, 'ok');
      assert.ok(parsed.kind === 'ok');
      assert.equal(parsed.period.label, label);
      assert.equal(parsed.period.kind, kind);
      assert.equal(parsed.note?.text, note);
      assert.ok(Object.isFrozen(parsed) && Object.isFrozen(parsed.note));
    });
  }

  it('gives every year from the same day the same form, so that a file reports it once', () => {
    const forms = ['2015-09-01/P1Y', '2016-09-01/P1Y', '2023-09-01/P1Y'].map((text) => parsePeriod(text)).map((parsed) => (parsed.kind === 'ok' ? parsed.note?.form : undefined));
    assert.deepEqual(forms, ['a year from 1 September', 'a year from 1 September', 'a year from 1 September']);
  });

  it('carries no note where the reading is exact', () => {
    for (const [input] of ACCEPTED) {
      const parsed = parsePeriod(input);
      assert.ok(parsed.kind === 'ok' && parsed.note === undefined, input);
    }
  });
});

describe('parsePeriod(text) tells dates, months and financial years apart', () => {
  it('reads YYYY-MM-DD as a date, YYYY-MM as a month and YYYY-YY as a financial year', () => {
    assert.equal(parsedPeriod('2011-12-01').kind, 'date');
    assert.equal(parsedPeriod('2011-12').kind, 'month');
    assert.equal(parsedPeriod('2015-16').kind, 'financial_year');
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
        header: true,
        skipEmptyLines: true,
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

describe('parsePeriod(text) reads every period ONS publishes in its council series and MHCLG in its homelessness quarters', () => {
  function periodsIn(file: string): Set<string> {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(sharedFile(...file.split('/')), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    return new Set(parsed.data.map((row) => row['period'] ?? ''));
  }

  it('reads each distinct period in ons-els-indicators/els_indicators_la.csv, dates and intervals', () => {
    const kinds = new Set<PeriodKind>();
    const forms = new Set<string>();
    for (const text of periodsIn('ons-els-indicators/els_indicators_la.csv')) {
      const parsed = parsePeriod(text);
      assert.equal(parsed.kind, 'ok', `${text}: ${parsed.kind === 'invalid' ? parsed.reason : ''}`);
      if (parsed.kind !== 'ok') continue;
      kinds.add(parsed.period.kind);
      if (parsed.note) forms.add(parsed.note.form);
    }
    assert.deepEqual([...kinds].sort(), ['calendar_year', 'date', 'financial_year', 'multi_calendar_year']);
    assert.deepEqual([...forms].sort(), ['a year from 1 August', 'a year from 1 February', 'a year from 1 September', 'a year from 15 May', 'a year from 16 November']);
  });

  it('reads each distinct period in mhclg-homelessness-hclic/hclic_quarterly_la.csv as a financial-year quarter', () => {
    const periods = periodsIn('mhclg-homelessness-hclic/hclic_quarterly_la.csv');
    assert.ok(periods.size >= 20, `found ${periods.size} periods`);
    for (const text of periods) assert.equal(parsedPeriod(text).kind, 'quarter', text);
  });
});

describe('comparePeriods(a, b) orders by end date, then start date, then label', () => {
  const SORTED: readonly string[] = Object.freeze(['2010 - 12', '2012', '2012/13 Q3', '2012-12', '2011/12 - 12/13', '2012/13', '2012/13 Q4', '2013-03', '2013/14 Q1', '2011 - 13', '2013']);

  it('sorts a shuffled list into that order without changing the periods', () => {
    const periods = Object.freeze(SORTED.map(parsedPeriod).map((period) => Object.freeze(period)));
    const shuffled = Object.freeze([6, 2, 10, 0, 8, 4, 1, 9, 3, 7, 5].map((index) => periods[index] as Period));
    assert.deepEqual(
      [...shuffled].sort(comparePeriods).map((period) => period.label),
      SORTED,
    );
  });

  it('returns zero for equal periods and opposite signs when the arguments swap', () => {
    const a = parsedPeriod('2023/24');
    const b = parsedPeriod('2023/24 Q4');
    assert.equal(comparePeriods(a, parsedPeriod('2023-24')), 0);
    assert.ok(comparePeriods(a, b) < 0 && comparePeriods(b, a) > 0);
  });
});

describe('isPeriodKind(text) and PERIOD_KINDS', () => {
  it('knows the seven period kinds and no others', () => {
    assert.deepEqual(PERIOD_KINDS, ['financial_year', 'calendar_year', 'quarter', 'month', 'multi_calendar_year', 'multi_financial_year', 'date']);
    for (const kind of PERIOD_KINDS) assert.ok(isPeriodKind(kind));
    for (const text of ['', 'year', 'Quarter', 'financial-year']) assert.equal(isPeriodKind(text), false);
  });

  it('freezes PERIOD_KINDS', () => {
    assert.ok(Object.isFrozen(PERIOD_KINDS));
  });
});

describe('parsePeriod(text) read again', () => {
  it('gives a label read before the same frozen reading, and each text its own words', () => {
    const first = parsePeriod('2019/20');
    assert.equal(parsePeriod('2019/20'), first);
    assert.ok(Object.isFrozen(first));
    const spaced = parsePeriod(' 2019/2x ');
    const bare = parsePeriod('2019/2x');
    assert.ok(spaced.kind === 'invalid' && bare.kind === 'invalid');
    assert.equal(spaced.reason, bare.reason);
    assert.equal(parsePeriod('2019/20 Q5').kind, 'invalid');
  });

  it('still reads every label after more labels than it keeps', () => {
    for (let month = 0; month < 12_000; month++) parsePeriod(`${1900 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`);
    for (let day = 1; day <= 28; day++) parsePeriod(`2020-02-${String(day).padStart(2, '0')}`);
    const read = parsePeriod('2099-12');
    assert.ok(read.kind === 'ok');
    assert.deepEqual(read.period, { label: '2099-12', kind: 'month', start: '2099-12-01', end: '2099-12-31' });
    assert.equal(parsePeriod('2101-01').kind, 'invalid');
  });
});
