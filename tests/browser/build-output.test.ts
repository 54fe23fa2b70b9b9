import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { stringCodeReport } from '../../src/build/string-code';
import { manifestCommands } from '../../src/commands/keys';
import { DEFAULT_EXTENSION_DIR } from './support/chromium';

/**
 * The built extension as a store reviewer sees it. Widening a permission, loosening the Content Security
 * Policy or shipping code that evaluates strings must show up here as a failing test, on purpose.
 */
const manifest = JSON.parse(readFileSync(join(DEFAULT_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('the built extension', () => {
  it('asks for these permissions and no others', () => {
    expect(manifest.permissions).toEqual(['storage', 'clipboardWrite', 'scripting', 'alarms', 'offscreen']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // The helpdesks' own hosts (shared/contracts.md section 2), Zammad's hosting among them.
    expect(manifest.host_permissions).toEqual([
      '*://*.zendesk.com/*',
      '*://*.freshdesk.com/*',
      '*://*.service-now.com/*',
      '*://*.atlassian.net/*',
      '*://*.lightning.force.com/*',
      '*://*.my.salesforce.com/*',
      '*://app.hubspot.com/*',
      '*://app-eu1.hubspot.com/*',
      '*://app.intercom.com/*',
      '*://app.eu.intercom.com/*',
      '*://app.au.intercom.com/*',
      '*://secure.helpscout.net/*',
      '*://app.frontapp.com/*',
      '*://*.gorgias.com/*',
      '*://*.zammad.com/*',
    ]);
    // Content scripts run on those hosts only; self-hosted sites get theirs at run time, when the user enables one.
    const matches = (manifest.content_scripts as { matches: string[] }[]).flatMap((script) => script.matches);
    expect(new Set(matches)).toEqual(new Set(manifest.host_permissions as string[]));
    // Only the sidebar page may be framed by web pages, and only at its per-session address.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['sidebar.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
  });

  it('keeps each content script within 15 kB gzipped: they load into every helpdesk page', () => {
    const dir = join(DEFAULT_EXTENSION_DIR, 'content-scripts');
    const built = readdirSync(dir).filter((name) => name.endsWith('.js'));
    expect(built).toContain('self-hosted.js');
    for (const name of built) {
      expect(gzipSync(readFileSync(join(dir, name))).length, name).toBeLessThanOrEqual(15_000);
    }
  });

  it('runs no string as code', async () => {
    // The build fails on these itself (wxt.config.ts, build:done); this checks the output the browser tests load.
    expect(await stringCodeReport(DEFAULT_EXTENSION_DIR)).toEqual([]);
  });

  it('loads nothing into its pages from anywhere but itself', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    const directives = new Map(csp.split(';').map((directive) => directive.trim().split(/\s+(.*)/) as [string, string]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    // Fetching is the one thing allowed elsewhere, for a knowledge source URL the user added and granted.
    expect(directives.get('connect-src')).toBe("'self' https: http:");
    directives.delete('connect-src');
    expect([...directives.values()].join(' ')).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('fits the Chrome Web Store package budget: under 2 MB with everything it ships', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    const bytes = files(DEFAULT_EXTENSION_DIR).reduce((sum, file) => sum + statSync(file).size, 0);
    // Uncompressed: the zip that `npm run zip` writes is smaller still.
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('asks for no <all_urls>, not even as an optional permission or a content script match', () => {
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('suggests keys for its keyboard commands', () => {
    expect(manifest.commands).toEqual(manifestCommands());
  });

  it('ships its icons at the sizes the stores ask for', () => {
    const icons = manifest.icons as Record<string, string>;
    expect(Object.keys(icons)).toEqual(['16', '32', '48', '128']);
    for (const [size, path] of Object.entries(icons)) {
      const png = readFileSync(join(DEFAULT_EXTENSION_DIR, path));
      // A PNG's IHDR chunk holds its width and height at bytes 16 and 20.
      expect(png.subarray(1, 4).toString('latin1'), path).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], path).toEqual([Number(size), Number(size)]);
    }
  });
});
