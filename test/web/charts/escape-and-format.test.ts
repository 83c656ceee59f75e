// Escaping, which every chart's text goes through (its numbers go through the
// domain's formatNumber: test/domain/format/format-number.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeXml } from '../../../src/web/charts/escape-xml.ts';
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
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeXml(text);
        assertWellFormed(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title data-x="${escaped}">${escaped}</title></svg>`);
      }),
      { numRuns: 300 },
    );
  });
});
