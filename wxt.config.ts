import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './src/adapters';
import { manifestCommands } from './src/commands/keys';
import { stringCodeReport } from './src/build/string-code';
import { compileKnowledge, compileRulesJson } from './src/knowledge/compile';

/** `KNOWLEDGE_DIR` swaps the bundled knowledge base for another folder (shared/contracts.md section 4). */
const knowledgeDir = resolve(process.env.KNOWLEDGE_DIR ?? 'knowledge');

/** `EXTRA_HOSTS` adds self-hosted helpdesks to the pages the content script runs on. */
function extraHosts(): string[] {
  const patterns = (process.env.EXTRA_HOSTS ?? '')
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  for (const pattern of patterns) {
    if (!/^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(:\d+|:\*)?\/.*$/.test(pattern)) {
      throw new Error(`EXTRA_HOSTS: "${pattern}" is not a match pattern such as https://help.example.com/*`);
    }
  }
  // Match patterns carry no port: the browser matches any port for a host.
  return patterns.map((pattern) => pattern.replace(/:(\d+|\*)\//, '/'));
}

/**
 * WXT's own `wxt/browser`: the browser's promise-based API as it is (Chrome's `chrome` in Manifest V3, Firefox's
 * `browser`), which the polyfill module replaces for every entrypoint.
 */
const NATIVE_BROWSER_API = createRequire(import.meta.url).resolve('wxt/browser');

/**
 * The knowledge worker renders Markdown with micromark, whose entity decoder has a browser build that asks
 * `document` for help; a worker has no document, so it gets the build with its own table.
 */
const ENTITIES_WITHOUT_DOM = createRequire(import.meta.url).resolve('decode-named-character-reference');

/** Files the build writes for the sidebar to load: see src/sidebar/knowledge.ts. */
const KNOWLEDGE_ASSETS = ['kb/articles.json', 'kb/index.json', 'kb/rules.json'] as const;

const extra = extraHosts();
const hosts = [...HOST_MATCHES, ...extra];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets two builds (two checkouts' worth of work, or parallel test runs) keep out of each other's way.
  outDir: process.env.OUTPUT_DIR ?? '.output',
  imports: false,
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { chunkSizeWarningLimit: 1_000 },
    worker: {
      plugins: () => [{ name: 'deskmate:worker-entities', enforce: 'pre' as const, resolveId: (id: string) => (id === 'decode-named-character-reference' ? ENTITIES_WITHOUT_DOM : undefined) }],
    },
  }),
  manifest: {
    // The words are in public/_locales/<language>/messages.json: English, Arabic and Hebrew.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // alarms: the schedule of knowledge source URLs (src/knowledge/store/schedule.ts).
    permissions: ['storage', 'clipboardWrite', 'scripting', 'alarms'],
    // Self-hosted helpdesks: asked for one site at a time, when the user enables the extension there.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Open or close the sidebar, quick lookup, copy the escalation note: keys and why in src/commands/keys.ts.
    commands: manifestCommands(),
    host_permissions: hosts,
    // Self-hosted sites are enabled at run time, so the sidebar page must be loadable in any site's frame;
    // a per-session URL keeps other sites from finding it by a fixed address.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    content_security_policy: {
      // Extension pages load nothing from anywhere but the extension itself. connect-src lets them fetch a
      // knowledge source URL a user configured, and only then: the address is asked for as a host permission
      // first (src/options/KnowledgeUrlForm.tsx), and nothing else in the code fetches another origin.
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' data:; connect-src 'self' https: http:",
    },
  },
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      // Content scripts load into every helpdesk page and use only APIs that return promises natively (storage,
      // runtime ports and messages): without the polyfill each is about 3 kB smaller gzipped, a fifth of it.
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (alias === undefined || Array.isArray(alias)) throw new Error('wxt/browser: the polyfill module set no alias to replace');
      config.resolve = { ...config.resolve, alias: { ...alias, 'wxt/browser': NATIVE_BROWSER_API } };
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...KNOWLEDGE_ASSETS);
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') {
        // addons.mozilla.org needs a fixed id. Firefox asks add-ons to declare the data they collect, Deskmate
        // none (README "Privacy"); Firefox reads that declaration from 140 (the current ESR), on Android from 142.
        manifest.browser_specific_settings = {
          gecko: { id: 'deskmate@deskmate.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          gecko_android: { strict_min_version: '142.0' },
        };
      }
      // Chrome's service worker has no DOM: a knowledge source URL's HTML is sanitised in an offscreen document.
      if (wxt.config.browser !== 'firefox') manifest.permissions = [...(manifest.permissions ?? []), 'offscreen'];
      // Manifest V2 (Firefox) has no optional_host_permissions: host patterns go in optional_permissions.
      if (manifest.manifest_version === 2 && manifest.optional_host_permissions) {
        manifest.optional_permissions = [...(manifest.optional_permissions ?? []), ...manifest.optional_host_permissions];
        delete manifest.optional_host_permissions;
      }
      if (extra.length === 0) return;
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: extra, js: ['content-scripts/self-hosted.js'], run_at: 'document_idle' },
      ];
    },
    'build:publicAssets': async (wxt, files) => {
      const knowledge = await compileKnowledge(knowledgeDir);
      const rulesJson = await compileRulesJson(knowledgeDir, (warning) => wxt.logger.warn(warning));
      files.push(
        { relativeDest: KNOWLEDGE_ASSETS[0], contents: knowledge.articlesJson },
        { relativeDest: KNOWLEDGE_ASSETS[1], contents: knowledge.indexJson },
        { relativeDest: KNOWLEDGE_ASSETS[2], contents: rulesJson },
      );
    },
    'build:done': async (wxt) => {
      // Store review forbids running strings as code and the pages' CSP would block it at run time: a bundle
      // that could fails the build here, naming the file and the construct (src/build/string-code.ts).
      if (wxt.config.command !== 'build') return;
      const found = await stringCodeReport(wxt.config.outDir);
      if (found.length > 0) throw new Error(`A bundle runs a string as code:\n${found.join('\n')}`);
    },
  },
});
