import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { LIMITS } from '../model/limits';

/**
 * The agent's own settings, kept in `storage.local` on this device and read by the sidebar and the options page
 * alike. Each is validated on its own when read, so one bad value falls back to its default without the others.
 */
export interface Settings {
  /** Fills `{{agent.name}}` where the helpdesk page does not show who is signed in. */
  agentName: string;
  /**
   * Usage counting on this device (src/usage/). On unless the agent turns it off: nothing it counts leaves the
   * browser, and what a team learns from it is the point of keeping it.
   */
  countUsage: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { agentName: '', countUsage: true };

const KEY = 'settings';
const AgentName = z.string().check(z.maxLength(LIMITS.short));
const CountUsage = z.boolean();

export function parseSettings(raw: unknown): Settings {
  const record: Record<string, unknown> = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const agentName = AgentName.safeParse(record.agentName);
  const countUsage = CountUsage.safeParse(record.countUsage);
  return {
    agentName: agentName.success ? agentName.data.trim() : DEFAULT_SETTINGS.agentName,
    countUsage: countUsage.success ? countUsage.data : DEFAULT_SETTINGS.countUsage,
  };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

/** Changes some settings and keeps the others as stored. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** The settings, and again whenever any page of the extension changes them; `null` until first read. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    loadSettings().then(
      (loaded) => live && setSettings(loaded),
      () => live && setSettings({ ...DEFAULT_SETTINGS }),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[KEY]) setSettings(parseSettings(changes[KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}
