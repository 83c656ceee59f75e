// JSON read with the line of every value: the same value as JSON.parse, each
// field's line by its path (a missing field answered by its nearest
// enclosing value's), and a syntax error's line and column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonSyntaxError, parseJsonWithLines } from '../../src/ingest/json-lines.ts';

describe('parseJsonWithLines(text)', () => {
  const text =
    '\ufeff{\n  "version": 2,\n  "items": [\n    { "item": "report",\n      "months": 3, "kinds": ["corporate", "safeguarding"] }\n  ],\n  "note": "a \\"quoted\\" word", "n": -1.5e2, "t": true, "z": null\n}\n';

  it('reads what JSON.parse reads', () => {
    assert.deepEqual(parseJsonWithLines(text).value, JSON.parse(text.slice(1)));
  });

  it('gives each value’s line by its path, and a missing field its enclosing value’s', () => {
    const read = parseJsonWithLines(text);
    assert.deepEqual(
      ['', 'version', 'items', 'items[0]', 'items[0].months', 'items[0].kinds[1]', 'note', 'items[0].latestMonths', 'cadence', 'items[4].months'].map((p) => read.lineOf(p)),
      [1, 2, 3, 4, 5, 5, 7, 4, 1, 3],
    );
  });

  it('names the line and column of a syntax error', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{\n "a": 1,\n "b": }', 3, 7, /a value was expected, not "}"/],
      ['[1, 2', 1, 6, /the file ends where "]" was expected/],
      ['{"a": 1} x', 1, 10, /nothing may follow the value/],
      ['{\n  "a": "open\n}', 2, 13, /a string is not closed on its line/],
      ["{'a': 1}", 1, 2, /'"' was expected|"\\"" was expected/],
      ['', 1, 1, /the file ends where a value was expected/],
    ];
    for (const [bad, line, column, message] of cases) {
      assert.throws(
        () => parseJsonWithLines(bad),
        (error: unknown) => error instanceof JsonSyntaxError && error.line === line && error.column === column && message.test(error.message),
        JSON.stringify(bad),
      );
    }
  });
});
