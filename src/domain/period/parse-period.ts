/*
 * Periods: the one function that reads a period label, and the order periods sort in.
 *
 * Canonical labels, and what they cover (start and end are inclusive ISO dates):
 *   financial_year        '2023/24'          1 Apr 2023 .. 31 Mar 2024
 *   calendar_year         '2023'             1 Jan 2023 .. 31 Dec 2023
 *   quarter               '2023/24 Q2'       a financial-year quarter: Q1 Apr-Jun 2023 .. Q4 Jan-Mar 2024
 *   month                 '2024-03'          1 Mar 2024 .. 31 Mar 2024
 *   multi_calendar_year   '2010 - 12'        1 Jan 2010 .. 31 Dec 2012
 *   multi_financial_year  '2018/19 - 22/23'  1 Apr 2018 .. 31 Mar 2023
 *   date                  '2020-12-31'       31 Dec 2020 .. 31 Dec 2020 (a snapshot on one day)
 *
 * Why: financial years in English local government run April to March, so they and
 * their quarters are first-class; OHID's Fingertips publishes rolling periods as
 * '2010 - 12', and those labels must read as they are published. ONS writes periods as
 * ISO 8601 dates and intervals ('2016-04-01/P1Y'), other publishers as twelve months
 * ('Apr 2019-Mar 2020'); each is read as the period it is.
 *
 * Rules (surrounding space trimmed, runs of space collapsed, words in any case,
 * en and em dashes read as hyphens):
 *   - 'YYYY/YY', 'YYYY/YYYY', 'FY YYYY/YY' are financial years; the second year must
 *     follow the first, otherwise the reason suggests the right label.
 *   - 'YYYY-MM' with MM 01..12 is a month: '2011-12' is December 2011, not 2011/12.
 *     'YYYY-YY' with YY not a month (00, 13..99) is a financial year when YY is the
 *     next year ('2015-16'); 'YYYY-YYYY' is a financial year when the years are
 *     consecutive and a span of calendar years otherwise; the 'FY' prefix always
 *     means a financial year ('FY2011-12').
 *   - 'YYYY/MM' ('2024/03') is refused: it reads as neither a month nor a year.
 *   - Months: 'YYYY-MM' with two digits, or an English month name, three letters or
 *     full, then the year ('Mar 2024', 'March 2024').
 *   - Quarters: a financial year and Q1..Q4, either way round ('Q2 2023/24').
 *   - Spans of calendar years need the spaced hyphen ('2010 - 12') or a four-digit
 *     end ('2010-2012'); spans of financial years join two financial years with a
 *     hyphen ('2018/19 - 22/23'). A span ends after it starts and covers at most
 *     10 years; a two-digit end is the first such year not before the start, so
 *     '1998 - 00' ends in 2000.
 *   - Dates: 'YYYY-MM-DD' is a date (a snapshot), so '2011-12' stays a month and
 *     '2015-16' a financial year.
 *   - Twelve months written as a span ('Jan 2012-Dec 2012', 'Apr 2019 - Mar 2020', names
 *     short or full) are the calendar or financial year they are; January to December or
 *     April to March over several years is a span of years; any other span is refused.
 *   - ISO 8601 intervals, a start date and a duration, as ONS publishes them: P1Y from
 *     1 January or 1 April is a calendar or financial year, PnY a span of them, P3M from
 *     the first of January, April, July or October a quarter, P1M from the first a month.
 *     A year from any other day ('2015-09-01/P1Y', an academic year) is read as the
 *     calendar or financial year it overlaps most (a tie goes to the financial year), and
 *     the result carries a note saying so, for the import to report.
 *   - Every year lies in 1900..2100. Bad input is a typed 'invalid' result, never thrown.
 */

export type PeriodKind = 'financial_year' | 'calendar_year' | 'quarter' | 'month' | 'multi_calendar_year' | 'multi_financial_year' | 'date';

export const PERIOD_KINDS: readonly PeriodKind[] = Object.freeze(['financial_year', 'calendar_year', 'quarter', 'month', 'multi_calendar_year', 'multi_financial_year', 'date'] as const);

export interface Period {
  readonly label: string;
  readonly kind: PeriodKind;
  readonly start: string;
  readonly end: string;
}

/**
 * How a label was read when the reading is a judgement (a year from 1 September read as
 * the calendar year it mostly covers): `form` names the kind of label, so that a file
 * can report it once; `text` says it of this label.
 */
export interface PeriodNote {
  readonly form: string;
  readonly text: string;
}

export type PeriodParse = { readonly kind: 'ok'; readonly period: Period; readonly note?: PeriodNote } | { readonly kind: 'invalid'; readonly reason: string };

/** What a label says, before it becomes dates; `year` of a financial year is its first year. */
type PeriodParts =
  | { readonly kind: 'financial_year' | 'calendar_year'; readonly year: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'multi_calendar_year' | 'multi_financial_year'; readonly from: number; readonly to: number }
  | { readonly kind: 'date'; readonly year: number; readonly month: number; readonly day: number };

/** Parts, or parts read by a judgement that the note explains. */
type Reading = PeriodParts | { readonly kind: 'read_as'; readonly parts: PeriodParts; readonly note: PeriodNote };

/** A reader of one form: parts when the text is that form, a reason when it is that form but wrong, undefined when not that form. */
type FormReader = (text: string, shown: string) => Reading | string | undefined;

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const MAX_SPAN_YEARS = 10;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const FORMS = '2023/24, 2023, 2023/24 Q2, 2024-03, 2010 - 12, 2018/19 - 22/23, 2020-12-31, Apr 2019-Mar 2020 or 2016-04-01/P1Y';
const MONTH_SPANS = 'Jan 2012-Dec 2012 (a calendar year) or Apr 2019-Mar 2020 (a financial year)';
const INTERVALS = 'a year (P1Y) or years (P3Y) from 1 January or 1 April, a quarter (P3M) from the first of January, April, July or October, or a month (P1M) from the first';

/**
 * Readings kept by label: a series, a targets file or a trajectory names the
 * same few periods thousands of times, and each reading is frozen, so one can
 * be handed out again. Emptied when full, so that a file of endless labels
 * cannot grow it without bound.
 */
const READINGS = new Map<string, PeriodParse>();
const MAX_READINGS = 10_000;

export function parsePeriod(text: string): PeriodParse {
  const known = READINGS.get(text);
  if (known !== undefined) return known;
  if (READINGS.size >= MAX_READINGS) READINGS.clear();
  const parse = readLabel(text);
  READINGS.set(text, parse);
  return parse;
}

function readLabel(text: string): PeriodParse {
  const shown = text.trim();
  if (shown === '') return invalid('the period is empty');
  const normal = shown
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  for (const read of READERS) {
    const parts = read(normal, shown);
    if (typeof parts === 'string') return invalid(parts);
    if (parts === undefined) continue;
    if (parts.kind !== 'read_as') return withinYears(toPeriod(parts), shown);
    const parsed = withinYears(toPeriod(parts.parts), shown);
    return parsed.kind === 'ok' ? Object.freeze({ ...parsed, note: Object.freeze(parts.note) }) : parsed;
  }
  return invalid(`'${shown}' is not a period Lantern reads: use ${FORMS}`);
}

/** Orders by end date, then start date (the longer span first), then label. */
export function comparePeriods(a: Period, b: Period): number {
  return compareText(a.end, b.end) || compareText(a.start, b.start) || compareText(a.label, b.label);
}

export function isPeriodKind(text: string): text is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(text);
}

const readNumericMonth: FormReader = (text, shown) => {
  const match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const [, year = '', month = ''] = match;
  if (month.length === 1) return `'${shown}' is not a month: write the month with two digits (${year}-0${month})`;
  const number = Number(month);
  return number >= 1 && number <= 12 ? { kind: 'month', year: Number(year), month: number } : undefined;
};

const readNamedMonth: FormReader = (text) => {
  const match = /^([a-z]+) (\d{4})$/.exec(text);
  const month = monthNumber(match?.[1] ?? '');
  return match && month !== undefined ? { kind: 'month', year: Number(match[2]), month } : undefined;
};

const readMonthSpan: FormReader = (text, shown) => {
  const match = /^([a-z]+) (\d{4}) ?- ?([a-z]+) (\d{4})$/.exec(text);
  const first = monthNumber(match?.[1] ?? '');
  const last = monthNumber(match?.[3] ?? '');
  if (!match || first === undefined || last === undefined) return undefined;
  const from = Number(match[2]);
  const to = Number(match[4]);
  if (first === 1 && last === 12) {
    return to === from ? { kind: 'calendar_year', year: from } : spanOrReason('multi_calendar_year', from, to, shown);
  }
  if (first === 4 && last === 3) {
    return to === from + 1 ? { kind: 'financial_year', year: from } : spanOrReason('multi_financial_year', from, to - 1, shown);
  }
  const months = (to - from) * 12 + last - first + 1;
  const span = `${monthName(first)} ${from} to ${monthName(last)} ${to}`;
  const what = months > 0 ? `${months} month${months === 1 ? '' : 's'}, ${span}` : `a span of months that ends before it starts (${span})`;
  return `'${shown}' is ${what}, neither a calendar nor a financial year: Lantern reads spans of months written ${MONTH_SPANS}`;
};

const readDate: FormReader = (text, shown) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const problem = dateProblem(year, month, day);
  return problem ? `'${shown}' is not a date: ${problem}` : { kind: 'date', year, month, day };
};

/** An ISO 8601 interval: a start date, '/', and a duration in years or months ('2016-04-01/P1Y'). */
const readInterval: FormReader = (text, shown) => {
  if (!/^\d{4}-\d{2}-\d{2}\//.test(text)) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})\/p(\d{1,3})([ym])$/.exec(text);
  const unread = `'${shown}' is not an interval Lantern reads: use ${INTERVALS}`;
  if (!match) return unread;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const problem = dateProblem(year, month, day);
  if (problem) return `'${shown}' does not start on a date: ${problem}`;
  const months = Number(match[4]) * (match[5] === 'y' ? 12 : 1);
  if (months > 0 && months % 12 === 0) return yearsFrom(year, month, day, months / 12, shown) ?? unread;
  if (months === 3 && day === 1 && month % 3 === 1) {
    return { kind: 'quarter', year: month >= 4 ? year : year - 1, quarter: ((month + 8) % 12) / 3 + 1 };
  }
  if (months === 1 && day === 1) return { kind: 'month', year, month };
  return unread;
};

/** Years from a start date: from 1 January or 1 April as they are, one year from another day as the year it mostly covers. */
function yearsFrom(year: number, month: number, day: number, years: number, shown: string): Reading | string | undefined {
  const calendar = month === 1 && day === 1;
  const financial = month === 4 && day === 1;
  if (years === 1 && calendar) return { kind: 'calendar_year', year };
  if (years === 1 && financial) return { kind: 'financial_year', year };
  if (calendar) return spanOrReason('multi_calendar_year', year, year + years - 1, shown);
  if (financial) return spanOrReason('multi_financial_year', year, year + years - 1, shown);
  return years === 1 ? yearMostlyCovered(year, month, day, shown) : undefined;
}

/**
 * A year from another day (an academic year from 1 September, a survey year from
 * 16 November) is read as the calendar or financial year it shares most days with;
 * a tie goes to the financial year, local government's own.
 */
function yearMostlyCovered(year: number, month: number, day: number, shown: string): Reading {
  const start = dayNumber(year, month, day);
  const end = dayNumber(year + 1, month, day) - 1;
  const candidates: readonly PeriodParts[] = [
    { kind: 'financial_year', year: year - 1 },
    { kind: 'financial_year', year },
    { kind: 'calendar_year', year },
    { kind: 'calendar_year', year: year + 1 },
  ];
  let best = candidates[0]!;
  let bestDays = -1;
  for (const candidate of candidates) {
    const covered = toPeriod(candidate);
    const days = Math.min(end, dayNumber(...ymd(covered.end))) - Math.max(start, dayNumber(...ymd(covered.start))) + 1;
    if (days > bestDays) [best, bestDays] = [candidate, days];
  }
  const form = `a year from ${day} ${monthName(month)}`;
  const kindWords = best.kind === 'financial_year' ? 'financial year' : 'year';
  return { kind: 'read_as', parts: best, note: { form, text: `${shown}, ${form}, is read as ${toPeriod(best).label}, the ${kindWords} it mostly covers` } };
}

const readQuarter: FormReader = (text, shown) => {
  const after = /^(.+?) ?q(\d)$/.exec(text);
  const before = /^q(\d) (.+)$/.exec(text);
  const [yearText, quarterText] = after ? [after[1], after[2]] : before ? [before[2], before[1]] : [];
  if (yearText === undefined) return undefined;
  const year = financialYearStart(yearText);
  if (typeof year === 'string') return `'${shown}' is not a quarter: ${year}`;
  const quarter = Number(quarterText);
  if (quarter < 1 || quarter > 4) return `'${shown}' is not a quarter: quarters run Q1 to Q4`;
  return { kind: 'quarter', year, quarter };
};

const readFinancialYearSpan: FormReader = (text, shown) => {
  const match = /^(?:fy ?)?(\d{4}\/\d{2}(?:\d{2})?) ?- ?(\d{2}(?:\d{2})?\/\d{2}(?:\d{2})?)$/.exec(text);
  if (!match) return undefined;
  const from = financialYearStart(match[1] ?? '');
  const [endFirst = '', endSecond = ''] = (match[2] ?? '').split('/');
  const to = endFirst.length === 2 && typeof from === 'number' ? financialYearStart(`${yearFrom(endFirst, from)}/${endSecond}`) : financialYearStart(match[2] ?? '');
  if (typeof from === 'string' || typeof to === 'string') {
    return `'${shown}' is not a span of financial years: ${typeof from === 'string' ? from : to}`;
  }
  return spanOrReason('multi_financial_year', from, to, shown);
};

const readFinancialYear: FormReader = (text, shown) => {
  const match = /^(fy ?)?(\d{4})([/-])(\d{2}|\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, prefix, first = '', separator, second = ''] = match;
  const consecutive = Number(second) === Number(first) + 1;
  if (!prefix && separator === '-' && second.length === 4 && !consecutive) return undefined;
  const year = financialYearStart(`${first}/${second}`);
  if (typeof year === 'number') return { kind: 'financial_year', year };
  return `'${shown}' is not a financial year: ${year}${otherReading(first, separator ?? '', second)}`;
};

/** When a would-be financial year reads as a month or a span of years written another way, say how. */
function otherReading(first: string, separator: string, second: string): string {
  if (second.length !== 2) return '';
  const number = Number(second);
  if (separator === '/' && number >= 1 && number <= 12) return `; write a month as ${first}-${second}`;
  const spanEnd = yearFrom(second, Number(first));
  const isSpan = separator === '-' && typeof spanOrReason('multi_calendar_year', Number(first), spanEnd, '') !== 'string';
  return isSpan ? `; write a span of years as ${first} - ${second}` : '';
}

const readCalendarYear: FormReader = (text) => {
  const match = /^(?:cy ?)?(\d{4})$/.exec(text);
  return match ? { kind: 'calendar_year', year: Number(match[1]) } : undefined;
};

const readCalendarYearSpan: FormReader = (text, shown) => {
  const match = /^(\d{4}) ?- ?(\d{2}|\d{4})$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  return spanOrReason('multi_calendar_year', from, yearFrom(match[2] ?? '', from), shown);
};

const READERS: readonly FormReader[] = [
  readDate,
  readInterval,
  readNumericMonth,
  readNamedMonth,
  readMonthSpan,
  readQuarter,
  readFinancialYearSpan,
  readFinancialYear,
  readCalendarYear,
  readCalendarYearSpan,
];

function monthNumber(name: string): number | undefined {
  const index = MONTH_NAMES.findIndex((full) => full === name || full.slice(0, 3) === name);
  return index >= 0 ? index + 1 : undefined;
}

function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Why year, month and day are not a date, or undefined when they are. */
function dateProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return 'months run from 01 to 12';
  const days = daysIn(year, month);
  return day >= 1 && day <= days ? undefined : `${monthName(month)} ${year} has ${days} days`;
}

/** Days since 1970 of a date; months past 12 and days past the month's end roll over, as Date.UTC does. */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function ymd(isoDate: string): [number, number, number] {
  return [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10))];
}

/** The first year of a financial year written 'YYYY/YY' or 'YYYY/YYYY' (with 'FY' or '-'), or why it is not one. */
function financialYearStart(text: string): number | string {
  const match = /^(?:fy ?)?(\d{4})[/-](\d{2}|\d{4})$/.exec(text);
  if (!match) return `'${text}' is not a financial year such as 2023/24`;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const follows = (match[2] ?? '').length === 2 ? second === (first + 1) % 100 : second === first + 1;
  return follows ? first : `the second year must follow the first (${financialYearLabel(first)})`;
}

/** A year written with two or four digits; two digits mean the first such year not before `from`. */
function yearFrom(digits: string, from: number): number {
  const number = Number(digits);
  return digits.length === 4 ? number : from + ((number - (from % 100) + 100) % 100);
}

function spanOrReason(kind: 'multi_calendar_year' | 'multi_financial_year', from: number, to: number, shown: string): PeriodParts | string {
  if (to > from && to - from < MAX_SPAN_YEARS) return { kind, from, to };
  return `'${shown}' is not a span of years: it must end after it starts and cover at most ${MAX_SPAN_YEARS} years`;
}

function toPeriod(parts: PeriodParts): Period {
  switch (parts.kind) {
    case 'financial_year':
      return period(parts.kind, financialYearLabel(parts.year), date(parts.year, 4, 1), date(parts.year + 1, 3, 31));
    case 'calendar_year':
      return period(parts.kind, String(parts.year), date(parts.year, 1, 1), date(parts.year, 12, 31));
    case 'quarter': {
      const firstMonth = 1 + parts.quarter * 3; // Q1 starts in April; months past 12 fall in the next year
      const year = parts.year + (firstMonth > 12 ? 1 : 0);
      const month = ((firstMonth - 1) % 12) + 1;
      return period(parts.kind, `${financialYearLabel(parts.year)} Q${parts.quarter}`, date(year, month, 1), date(year, month + 2, daysIn(year, month + 2)));
    }
    case 'month':
      return period(parts.kind, `${parts.year}-${twoDigits(parts.month)}`, date(parts.year, parts.month, 1), date(parts.year, parts.month, daysIn(parts.year, parts.month)));
    case 'multi_calendar_year':
      return period(parts.kind, `${parts.from} - ${twoDigits(parts.to)}`, date(parts.from, 1, 1), date(parts.to, 12, 31));
    case 'multi_financial_year':
      return period(parts.kind, `${financialYearLabel(parts.from)} - ${twoDigits(parts.to)}/${twoDigits(parts.to + 1)}`, date(parts.from, 4, 1), date(parts.to + 1, 3, 31));
    case 'date': {
      const day = date(parts.year, parts.month, parts.day);
      return period(parts.kind, day, day, day);
    }
    default: {
      const unknown: never = parts;
      throw new Error(`unknown period parts ${JSON.stringify(unknown)}`);
    }
  }
}

function withinYears(found: Period, shown: string): PeriodParse {
  const first = Number(found.start.slice(0, 4));
  const last = Number(found.end.slice(0, 4));
  if (first >= FIRST_YEAR && last <= LAST_YEAR) return Object.freeze({ kind: 'ok', period: found });
  return invalid(`'${shown}' is outside the years Lantern reads (${FIRST_YEAR} to ${LAST_YEAR})`);
}

function period(kind: PeriodKind, label: string, start: string, end: string): Period {
  return Object.freeze({ label, kind, start, end });
}

function invalid(reason: string): PeriodParse {
  return Object.freeze({ kind: 'invalid', reason });
}

function financialYearLabel(first: number): string {
  return `${first}/${twoDigits(first + 1)}`;
}

function date(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function twoDigits(value: number): string {
  return String(value % 100).padStart(2, '0');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
