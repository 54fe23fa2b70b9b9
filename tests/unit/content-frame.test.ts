// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { SidebarFrame } from '../../src/content/frame';

/**
 * The sidebar page's address, as `runtime.getURL` gives it for a resource declared with `use_dynamic_url`, is
 * `chrome-extension://<per-session id>/sidebar.html`, which jsdom cannot load: a blank frame stands in for it.
 */
const SIDEBAR_URL = 'about:blank';

const mounted = () => document.querySelectorAll('#deskmate-sidebar-host');
const iframeOf = (host: Element) => host.shadowRoot!.querySelector('iframe')!;

describe('the sidebar frame in the page', () => {
  afterEach(() => document.body.replaceChildren());

  it('delegates clipboard writes to whatever origin the sidebar page ends up with', () => {
    new SidebarFrame(SIDEBAR_URL, { collapsed: false, width: 360 }, () => undefined).ensureMounted();
    const allow = iframeOf(mounted()[0]!).allow;
    // A bare `clipboard-write` means "the origin of src", the per-session id, which the loaded page does not have.
    expect(allow.split(';').map((entry) => entry.trim())).toContain('clipboard-write *');
  });

  it('comes back once when the page removes it, and stays one', () => {
    const frame = new SidebarFrame(SIDEBAR_URL, { collapsed: false, width: 360 }, () => undefined);
    expect(frame.ensureMounted()).toBe(true);
    expect(frame.ensureMounted()).toBe(false);
    mounted()[0]!.remove();
    expect(frame.ensureMounted()).toBe(true);
    expect(frame.ensureMounted()).toBe(false);
    expect(mounted()).toHaveLength(1);
  });

  it('stays one when the page puts back the element it took out, after the sidebar came back', () => {
    const frame = new SidebarFrame(SIDEBAR_URL, { collapsed: false, width: 360 }, () => undefined);
    frame.ensureMounted();
    const taken = mounted()[0]!;
    taken.remove();
    frame.ensureMounted();
    document.body.append(taken);
    frame.ensureMounted();
    expect(mounted()).toHaveLength(1);
    expect(mounted()[0]!.shadowRoot!.querySelectorAll('iframe')).toHaveLength(1);
  });
});
