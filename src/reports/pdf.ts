// Reports printed to PDF by a real headless Chromium from the same HTML the
// web page shows: A4, a footer with the title and page numbers, vector
// charts (the SVG is printed as vectors), the document outline from the
// headings, and tagged for accessibility as far as Chromium goes. One
// browser is kept for the life of the printer, so that only the first
// report pays for starting it, and for loading Playwright (a second of a
// server's start, were it loaded with the printer).
import type { Browser } from 'playwright-core';

export class PdfPrinter {
  private browser: Promise<Browser> | undefined;

  async print(html: string, title: string): Promise<Buffer> {
    const browser = await (this.browser ??= import('./chromium.ts').then(({ launchChromium }) => launchChromium()));
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        margin: { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          `<div style="font: 9px Arial, sans-serif; width: 100%; padding: 0 15mm; display: flex; justify-content: space-between;">` +
          `<span>${escapeHtml(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser).close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
