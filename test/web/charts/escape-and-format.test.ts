// Escaping and number formatting, the two things every chart's text goes through.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeXml } from '../../../src/web/charts/escape-xml.ts';
import { formatNumber } from '../../../src/web/charts/format-number.ts';
import { assertWellFormed } from './chart-checks.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    assert.equal(escapeXml(`<script>alert("x")</script> & 'y'`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('leaves ordinary names alone', () => {
    assert.equal(escapeXml('Bristol, City of'), 'Bristol, City of');
    assert.equal(escapeXml('Kingston upon Hull, City of — Ynys Môn'), 'Kingston upon Hull, City of — Ynys Môn');
  });

  it('drops characters XML cannot hold', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe\uD800f'), 'abcdef');
    assert.equal(escapeXml('tab\there\nnewline'), 'tab\there\nnewline');
    assert.equal(escapeXml('emoji 😀'), 'emoji 😀');
  });

  it('makes any string safe as text and as an attribute', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = escapeXml(text);
      assertWellFormed(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title data-x="${escaped}">${escaped}</title></svg>`);
    }), { numRuns: 300 });
  });
});

describe('formatNumber', () => {
  it('writes en-GB numbers with the given decimals', () => {
    assert.equal(formatNumber(12345.678, 1), '12,345.7');
    assert.equal(formatNumber(0.5, 2), '0.50');
    assert.equal(formatNumber(1234567, 0), '1,234,567');
    assert.equal(formatNumber(-1234.5, 1), '-1,234.5');
  });

  it('never writes -0', () => {
    assert.equal(formatNumber(-0.04, 1), '0.0');
    assert.equal(formatNumber(-0, 0), '0');
    assert.equal(formatNumber(-0.4, 0), '0');
  });

  it('treats odd decimals as whole places from 0 to 20', () => {
    assert.equal(formatNumber(1.25, 1.9), '1.3');
    assert.equal(formatNumber(1.5, -2), '2');
    assert.equal(formatNumber(1.5, Number.NaN), '2');
  });
});
