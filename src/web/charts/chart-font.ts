/*
 * The font charts are drawn in wherever Lantern draws them itself (PNG by
 * resvg, PDF by the npm Chromium): Arimo, metrically the same as Arial, which
 * the charts and pages ask for, as TrueType files from the
 * `@expo-google-fonts/arimo` npm package (SIL Open Font License). Taking it
 * from npm rather than the machine means every machine draws the same text,
 * a bare one with no fonts installed included.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const CHART_FONT_FAMILY = 'Arimo';

/** The package's folder, whose subfolders hold one TrueType file per weight and style. */
export const CHART_FONT_FOLDER = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/arimo'));

/** Regular, bold and their italics: all that charts and reports use. */
export const CHART_FONT_FILES: readonly string[] = ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic'].map((style) => path.join(CHART_FONT_FOLDER, style, `Arimo_${style}.ttf`));
