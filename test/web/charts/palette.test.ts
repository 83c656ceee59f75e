// The palette's rules, computed rather than trusted: every significance fill
// reaches 3:1 against white or wears a dark outline; text on each fill reaches
// 4.5:1; the inks reach 4.5:1 on white; each significance has its own word and
// marker shape; the quintile blues run light to dark; line colours reach 3:1.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Significance } from '../../../src/domain/benchmark/compare-to-benchmark.ts';
import { SHAPE_CONTRAST, TEXT_CONTRAST, contrastRatio, relativeLuminance } from '../../../src/web/charts/contrast.ts';
import {
  GRID,
  INK,
  LINE,
  LINE_COLOURS,
  LINE_DASHES,
  LINE_MARKERS,
  NEUTRAL_FIFTHS,
  NO_DATA_HATCH,
  POLAR_FIFTHS,
  QUARTILE_FILL,
  QUINTILE_BLUES,
  RANGE_FILL,
  SECONDARY_INK,
  SIGNIFICANCE_STYLE,
  WHITE,
  markerPath,
  needsOutline,
  type Marker,
} from '../../../src/web/charts/palette.ts';
import { assertWellFormed } from './chart-checks.ts';

const SIGNIFICANCES: readonly Significance[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'];
const MARKERS: readonly Marker[] = ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'ring'];

describe('contrast ratio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#5694ca', '#5694ca'), 1);
  });

  it('matches published figures: #767676 on white is 4.54:1, govuk black 19.6:1', () => {
    assert.equal(contrastRatio('#767676', WHITE).toFixed(2), '4.54');
    assert.equal(contrastRatio(INK, WHITE).toFixed(1), '19.6');
  });

  it('does not depend on the order of its colours', () => {
    assert.equal(contrastRatio('#ffdd00', INK), contrastRatio(INK, '#ffdd00'));
  });

  it('refuses what is not #rrggbb', () => {
    assert.throws(() => relativeLuminance('red'), /not a #rrggbb colour/);
    assert.throws(() => relativeLuminance('#fff'), /not a #rrggbb colour/);
  });
});

describe('significance styles', () => {
  for (const significance of SIGNIFICANCES) {
    const style = SIGNIFICANCE_STYLE[significance];
    const againstWhite = contrastRatio(style.fill, WHITE);
    it(`${significance}: fill ${style.fill} is ${againstWhite.toFixed(2)}:1 on white, so ${againstWhite >= SHAPE_CONTRAST ? 'it stands alone' : 'it needs its dark outline'}`, () => {
      if (againstWhite < SHAPE_CONTRAST) {
        assert.equal(style.outline, INK);
        assert.equal(needsOutline(style.fill), true);
      } else {
        assert.equal(needsOutline(style.fill), false);
      }
      assert.ok(contrastRatio(style.outline, WHITE) >= SHAPE_CONTRAST, 'the outline itself shows on white');
    });

    it(`${significance}: text ${style.text} on the fill is ${contrastRatio(style.text, style.fill).toFixed(2)}:1, at least 4.5:1`, () => {
      assert.ok(contrastRatio(style.text, style.fill) >= TEXT_CONTRAST);
    });
  }

  it('gives each significance its own word, marker shape and fill', () => {
    const styles = SIGNIFICANCES.map((significance) => SIGNIFICANCE_STYLE[significance]);
    assert.equal(new Set(styles.map((style) => style.label)).size, SIGNIFICANCES.length);
    assert.equal(new Set(styles.map((style) => style.marker)).size, SIGNIFICANCES.length);
    assert.equal(new Set(styles.map((style) => style.fill)).size, SIGNIFICANCES.length);
  });

  it("uses the profiles' words", () => {
    assert.deepEqual(
      SIGNIFICANCES.map((significance) => SIGNIFICANCE_STYLE[significance].label),
      ['Better', 'Similar', 'Worse', 'Higher', 'Lower', 'Not compared'],
    );
  });
});

describe('inks and fills without judgement', () => {
  it(`body text ${INK} and secondary text ${SECONDARY_INK} reach 4.5:1 on white (${contrastRatio(INK, WHITE).toFixed(2)}, ${contrastRatio(SECONDARY_INK, WHITE).toFixed(2)})`, () => {
    assert.ok(contrastRatio(INK, WHITE) >= TEXT_CONTRAST);
    assert.ok(contrastRatio(SECONDARY_INK, WHITE) >= TEXT_CONTRAST);
  });

  it('the single line, every trend line colour and the no-data hatch reach 3:1 on white', () => {
    for (const colour of [LINE, ...LINE_COLOURS, NO_DATA_HATCH, QUARTILE_FILL]) {
      assert.ok(contrastRatio(colour, WHITE) >= SHAPE_CONTRAST, `${colour} is ${contrastRatio(colour, WHITE).toFixed(2)}:1`);
    }
  });

  it('the spine chart’s inter-quartile band is darker than its outer range, which is edged in ink', () => {
    assert.ok(relativeLuminance(QUARTILE_FILL) < relativeLuminance(RANGE_FILL));
    assert.ok(relativeLuminance(GRID) > relativeLuminance(QUARTILE_FILL));
  });

  it('has five quintile blues, each darker than the last', () => {
    assert.equal(QUINTILE_BLUES.length, 5);
    const luminances = QUINTILE_BLUES.map(relativeLuminance);
    for (let index = 1; index < luminances.length; index += 1) assert.ok((luminances[index] ?? 1) < (luminances[index - 1] ?? 0));
  });

  it("keeps a neutral metric's fifths off every colour that means good or bad", () => {
    const polar = new Set([...POLAR_FIFTHS, SIGNIFICANCE_STYLE.better.fill, SIGNIFICANCE_STYLE.similar.fill, SIGNIFICANCE_STYLE.worse.fill]);
    assert.equal(NEUTRAL_FIFTHS.length, 5);
    assert.equal(POLAR_FIFTHS.length, 5);
    assert.deepEqual(
      NEUTRAL_FIFTHS.filter((fill) => polar.has(fill)),
      [],
    );
  });

  it("runs a polar metric's fifths from the green of better to the red of worse", () => {
    assert.equal(POLAR_FIFTHS[0], SIGNIFICANCE_STYLE.better.fill);
    assert.equal(POLAR_FIFTHS[4], SIGNIFICANCE_STYLE.worse.fill);
    assert.equal(new Set(POLAR_FIFTHS).size, 5);
  });

  it('gives eight trend lines eight colours, eight dash patterns and a marker each', () => {
    assert.equal(new Set(LINE_COLOURS).size, 8);
    assert.equal(new Set(LINE_DASHES).size, 8);
    assert.equal(LINE_MARKERS.length, 8);
  });
});

describe('markerPath', () => {
  for (const marker of MARKERS) {
    it(`draws a ${marker} as one path around its centre`, () => {
      const path = markerPath(marker, 50, 40, 6);
      assert.match(path, /^<path d="[^"]+"( fill-rule="evenodd")?\/>$/);
      assertWellFormed(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 80">${path}</svg>`);
      const numbers = [...path.matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)].flatMap((match) => [Number(match[1]), Number(match[2])]);
      assert.ok(
        numbers.every((value) => value > 30 && value < 60),
        `starts near the centre: ${path}`,
      );
    });
  }

  it('draws each shape differently', () => {
    assert.equal(new Set(MARKERS.map((marker) => markerPath(marker, 10, 10, 5))).size, MARKERS.length);
  });
});
