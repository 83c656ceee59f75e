// A PDF read back the way a person would meet it, through MuPDF's WebAssembly
// build from npm (no command-line tools on the machine): its text page by
// page, its number of pages, whether it is tagged for assistive technology,
// whether it holds any raster image (charts are printed as vectors), the
// fonts it embeds, and its pages as PNG pictures.
import * as mupdf from 'mupdf';

export interface PdfReading {
  readonly pages: number;
  /** Each page's text, in reading order, lines joined by newlines. */
  readonly text: readonly string[];
  /** The catalogue says the content is marked and has a structure tree. */
  readonly tagged: boolean;
  /** How many raster images the pages' resources hold. */
  readonly images: number;
  /** The fonts the pages use, by name without the subset's prefix ("Arimo-Bold"). */
  readonly fonts: readonly string[];
}

function open(pdf: Uint8Array): mupdf.PDFDocument {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf');
  if (!(document instanceof mupdf.PDFDocument)) throw new Error('not a PDF');
  return document;
}

export function readPdf(pdf: Uint8Array): PdfReading {
  const document = open(pdf);
  try {
    const pages = document.countPages();
    const text: string[] = [];
    let images = 0;
    const fonts = new Set<string>();
    for (let i = 0; i < pages; i++) {
      const page = document.loadPage(i);
      text.push(page.toStructuredText('preserve-whitespace').asText());
      const resources = page.getObject().get('Resources');
      images += imagesOf(resources);
      fontsOf(resources).forEach((font) => fonts.add(font));
    }
    const catalog = document.getTrailer().get('Root');
    const markInfo = catalog.get('MarkInfo');
    const tagged = markInfo.isDictionary() && markInfo.get('Marked').asBoolean() && catalog.get('StructTreeRoot').isDictionary();
    return { pages, text, tagged, images, fonts: [...fonts].sort() };
  } finally {
    document.destroy();
  }
}

/** The whole text, pages one after another. */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return Promise.resolve(readPdf(pdf).text.join('\n'));
}

/** Every page as a PNG at the given resolution. */
export function pdfPagePngs(pdf: Uint8Array, dotsPerInch: number): Uint8Array[] {
  const document = open(pdf);
  try {
    const scale = mupdf.Matrix.scale(dotsPerInch / 72, dotsPerInch / 72);
    return Array.from({ length: document.countPages() }, (_, i) => document.loadPage(i).toPixmap(scale, mupdf.ColorSpace.DeviceRGB, false).asPNG());
  } finally {
    document.destroy();
  }
}

/** Raster images among a page's XObjects, and inside any forms among them. */
function imagesOf(resources: mupdf.PDFObject): number {
  if (!resources.isDictionary()) return 0;
  let count = 0;
  const objects = resources.get('XObject');
  if (!objects.isDictionary()) return 0;
  objects.forEach((object) => {
    const subtype = object.get('Subtype').asName();
    if (subtype === 'Image') count++;
    if (subtype === 'Form') count += imagesOf(object.get('Resources'));
  });
  return count;
}

function fontsOf(resources: mupdf.PDFObject): string[] {
  const fonts: string[] = [];
  if (!resources.isDictionary()) return fonts;
  const dictionary = resources.get('Font');
  if (dictionary.isDictionary())
    dictionary.forEach((font) =>
      fonts.push(
        font
          .get('BaseFont')
          .asName()
          .replace(/^[A-Z]{6}\+/, ''),
      ),
    );
  return fonts;
}
