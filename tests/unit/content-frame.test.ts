// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarFrame } from '../../src/content/frame';

/** What `runtime.getURL` gives for a resource declared with `use_dynamic_url`: a per-session id, not the extension's. */
const DYNAMIC_URL = 'chrome-extension://5f0c8a3e-1b2d-4c5e-8f90-a1b2c3d4e5f6/sidebar.html';

const mounted = () => document.querySelectorAll('#deskmate-sidebar-host');
const iframeOf = (host: Element) => host.shadowRoot!.querySelector('iframe')!;

describe('the sidebar frame in the page', () => {
  afterEach(() => document.body.replaceChildren());

  it('delegates clipboard writes to whatever origin the sidebar page ends up with', () => {
    new SidebarFrame(DYNAMIC_URL, { collapsed: false, width: 360 }, () => undefined).ensureMounted();
    const allow = iframeOf(mounted()[0]!).getAttribute('allow') ?? '';
    // A bare `clipboard-write` means "the origin of src", the per-session id, which the loaded page does not have.
    expect(allow.split(';').map((entry) => entry.trim())).toContain('clipboard-write *');
  });

  it('comes back once when the page removes it, and stays one', () => {
    const frame = new SidebarFrame(DYNAMIC_URL, { collapsed: false, width: 360 }, () => undefined);
    expect(frame.ensureMounted()).toBe(true);
    expect(frame.ensureMounted()).toBe(false);
    mounted()[0]!.remove();
    expect(frame.ensureMounted()).toBe(true);
    expect(frame.ensureMounted()).toBe(false);
    expect(mounted()).toHaveLength(1);
  });
});
