import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_DIR } from './support/chromium';

/**
 * The built extension as a store reviewer sees it. Widening a permission, loosening the Content Security
 * Policy or shipping code that evaluates strings must show up here as a failing test, on purpose.
 */
const manifest = JSON.parse(readFileSync(join(DEFAULT_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe('the built extension', () => {
  it('asks for these permissions and no others', () => {
    expect(manifest.permissions).toEqual(['storage', 'clipboardWrite', 'scripting']);
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
  });

  it('keeps each content script within 15 kB gzipped: they load into every helpdesk page', () => {
    const dir = join(DEFAULT_EXTENSION_DIR, 'content-scripts');
    const built = readdirSync(dir).filter((name) => name.endsWith('.js'));
    expect(built).toContain('self-hosted.js');
    for (const name of built) {
      expect(gzipSync(readFileSync(join(dir, name))).length, name).toBeLessThanOrEqual(15_000);
    }
  });

  it('runs no string as code', () => {
    for (const file of scripts(DEFAULT_EXTENSION_DIR)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]|set(?:Timeout|Interval)\s*\(\s*["'`]/);
    }
  });

  it('loads nothing into its pages from anywhere but itself', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-|https?:|\*/);
  });
});
