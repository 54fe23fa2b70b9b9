import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onKnowledgeUpdating, whileKnowledgeChanges } from '../../src/knowledge/store/version';

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('a change of the knowledge base, as sidebars hear of it', () => {
  afterEach(() => fakeBrowser.reset());

  it('is said to run while it runs, and to have ended when it ends, failed or not', async () => {
    const heard: boolean[] = [];
    const stop = onKnowledgeUpdating((updating) => heard.push(updating));
    await settle();
    await whileKnowledgeChanges(async () => {
      await settle();
      expect(heard.at(-1)).toBe(true);
    });
    expect(heard.at(-1)).toBe(false);
    await expect(whileKnowledgeChanges(() => Promise.reject(new Error('broken.json:2: not JSON')))).rejects.toThrow(/broken/);
    expect(heard).toEqual([false, true, false, true, false]);
    stop();
  });

  it('is not said to run once the page running it was closed long ago', async () => {
    await fakeBrowser.storage.local.set({ knowledgeUpdating: Date.now() - 31 * 60_000 });
    const heard: boolean[] = [];
    onKnowledgeUpdating((updating) => heard.push(updating));
    await settle();
    expect(heard).toEqual([false]);
  });
});
