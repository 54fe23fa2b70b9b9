import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings } from '../../src/settings/settings';
import { emptyUsage } from '../../src/usage/model';
import { onUsageMessage, requestClearUsage, sendUsage, UsageRequest } from '../../src/usage/channel';
import { addUsage, clearUsage, readUsage, watchUsage } from '../../src/usage/store';

beforeEach(() => fakeBrowser.reset());

const now = new Date(2026, 10, 18, 10);

describe('usage store', () => {
  it('adds counts to what is stored, in the week of the day', async () => {
    await addUsage([{ kind: 'article', articleId: 'sso', event: 'shown', delta: 1 }], now);
    await addUsage(
      [
        { kind: 'article', articleId: 'sso', event: 'shown', delta: 1 },
        { kind: 'gap', words: 'vpn drops', source: 'search' },
      ],
      now,
    );
    const usage = await readUsage();
    expect(usage.weeks['2026-W47']!.articles.sso!.shown).toBe(2);
    expect(usage.weeks['2026-W47']!.gaps).toEqual([{ words: 'vpn drops', source: 'search', count: 1 }]);
  });

  it('keeps every count when pages send them at once: one change at a time', async () => {
    const delta = { kind: 'article', articleId: 'sso', event: 'copied', delta: 1 } as const;
    await Promise.all(Array.from({ length: 5 }, () => addUsage([delta], now)));
    expect((await readUsage()).weeks['2026-W47']!.articles.sso!.copied).toBe(5);
  });

  it('reads a broken copy as empty, and clears', async () => {
    await fakeBrowser.storage.local.set({ usage: { version: 1, weeks: { nonsense: 1 } } });
    expect(await readUsage()).toEqual(emptyUsage());
    await addUsage([{ kind: 'article', articleId: 'sso', event: 'shown', delta: 1 }], now);
    await clearUsage();
    expect(await readUsage()).toEqual(emptyUsage());
  });

  it('tells other pages of changes', async () => {
    const seen: number[] = [];
    const stop = watchUsage((usage) => seen.push(usage.weeks['2026-W47']?.articles.sso?.shown ?? 0));
    await addUsage([{ kind: 'article', articleId: 'sso', event: 'shown', delta: 1 }], now);
    stop();
    await addUsage([{ kind: 'article', articleId: 'sso', event: 'shown', delta: 1 }], now);
    expect(seen).toEqual([1]);
  });
});

describe('the background’s usage channel', () => {
  const own = { id: fakeBrowser.runtime.id };

  it('counts what the extension’s own pages send, and clears on request', async () => {
    fakeBrowser.runtime.onMessage.addListener((raw) => onUsageMessage(raw, own));
    await sendUsage([{ kind: 'article', articleId: 'sso', event: 'inserted', delta: 1 }, { kind: 'gap', words: 'vpn', source: 'ticket' }]);
    const counted = await readUsage();
    expect(Object.values(counted.weeks)[0]!.articles.sso!.inserted).toBe(1);
    await requestClearUsage();
    expect(await readUsage()).toEqual(emptyUsage());
  });

  it('ignores other senders and anything that is not a valid request', async () => {
    const valid: UsageRequest = { type: 'usage-add', deltas: [{ kind: 'article', articleId: 'sso', event: 'shown', delta: 1 }] };
    expect(onUsageMessage(valid, { id: 'another-extension' })).toBeUndefined();
    for (const invalid of [
      null,
      { type: 'toggle-sidebar' },
      { type: 'usage-add', deltas: [{ kind: 'article', articleId: 'sso', event: 'shown', delta: 5 }] },
      { type: 'usage-add', deltas: [{ kind: 'article', articleId: '<script>', event: 'shown', delta: 1 }] },
      { type: 'usage-add', deltas: [{ kind: 'gap', words: 'x'.repeat(500), source: 'search' }] },
      { type: 'usage-add', deltas: Array.from({ length: 501 }, () => valid.deltas[0]) },
    ]) {
      expect(onUsageMessage(invalid, own)).toBeUndefined();
    }
    expect(await readUsage()).toEqual(emptyUsage());
    await onUsageMessage(valid, own);
    expect(Object.keys((await readUsage()).weeks)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('count usage by default, with no name', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.countUsage).toBe(true);
  });

  it('keep each valid value when another is broken', () => {
    expect(parseSettings({ agentName: '  Sam Carter ', countUsage: 'yes' })).toEqual({ agentName: 'Sam Carter', countUsage: true });
    expect(parseSettings({ agentName: 42, countUsage: false })).toEqual({ agentName: '', countUsage: false });
    expect(parseSettings({ agentName: 'x'.repeat(301), countUsage: false })).toEqual({ agentName: '', countUsage: false });
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('save one setting without losing the other', async () => {
    await saveSettings({ agentName: 'Sam Carter' });
    await saveSettings({ countUsage: false });
    expect(await loadSettings()).toEqual({ agentName: 'Sam Carter', countUsage: false });
  });
});
