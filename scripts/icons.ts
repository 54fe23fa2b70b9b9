import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, PROJECT_ROOT } from '../tests/browser/support/chromium';

/**
 * `npm run icons`: renders scripts/icon.svg to the PNG sizes the stores and browsers ask for, into
 * public/icon/<size>.png, where WXT finds them for the manifest. The PNGs are committed, so a build needs no
 * browser; run this again after changing the SVG.
 */
const SIZES = [16, 32, 48, 128] as const;

const svg = await readFile(join(PROJECT_ROOT, 'scripts', 'icon.svg'));
const outDir = join(PROJECT_ROOT, 'public', 'icon');
await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<body style="margin:0"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg.toString('base64')}"></body>`,
    );
    await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    await writeFile(join(outDir, `${size}.png`), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
