import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
    const hosts = manifest.host_permissions as string[];
    expect(hosts).not.toContain('<all_urls>');
    for (const host of hosts) expect(host).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]+\/\*$/);
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
