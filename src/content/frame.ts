import { t } from '../i18n/messages';
import type { Layout } from '../model/messages';

const COLLAPSED_WIDTH = 44;
const HOST_ID = 'deskmate-sidebar-host';

/**
 * The sidebar lives in an extension page inside an iframe, so neither the helpdesk's CSS nor its scripts
 * reach it. The iframe sits in an open shadow root, so page styles such as `iframe { display: none }` do not
 * hide it either. Only this small frame and its resize handle run in the page.
 */
export class SidebarFrame {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private size: HTMLStyleElement | null = null;
  private current: Layout;

  constructor(
    private readonly src: string,
    layout: Layout,
    private readonly onResize: (layout: Layout) => void,
  ) {
    this.current = layout;
  }

  /** Mounts the frame, or mounts it again when the page's re-render removed it. Idempotent. */
  ensureMounted(): boolean {
    if (this.host?.isConnected) return false;
    const parent = document.body ?? document.documentElement;
    if (this.host) {
      // The same element goes back, not a new one: a page that puts the removed one back later only moves it,
      // so there is never a second sidebar. Its frame loads the sidebar again.
      parent.append(this.host);
      return true;
    }
    const host = document.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'open' });
    // Shadow-root `!important` rules beat the page's, even its inline styles: the frame's box lives here.
    const style = document.createElement('style');
    style.textContent = `:host{all:initial!important;position:fixed!important;top:0!important;right:0!important;height:100vh!important;z-index:2147483000!important;display:block!important}
iframe{border:0;width:100%;height:100%;display:block;background:transparent;color-scheme:normal}
.handle{position:absolute;left:-3px;top:0;width:6px;height:100%;cursor:ew-resize}
:host([data-collapsed]) .handle{display:none}`;
    const handle = document.createElement('div');
    handle.className = 'handle';
    handle.setAttribute('aria-hidden', 'true');
    this.bindResize(handle, host);
    const frame = document.createElement('iframe');
    frame.src = this.src;
    frame.title = t('frameTitle');
    // The note and answers are copied from inside the frame: the page must delegate clipboard writes. To any
    // origin: a bare feature means the origin of `src`, here the per-session id of use_dynamic_url, which the
    // loaded sidebar page does not have, so Chromium blocked the Clipboard API there.
    frame.allow = 'clipboard-write *';
    this.size = document.createElement('style');
    shadow.append(style, this.size, handle, frame);
    parent.append(host);
    this.host = host;
    this.frame = frame;
    this.apply();
    return true;
  }

  get layout(): Layout {
    return this.current;
  }

  setLayout(layout: Layout): void {
    this.current = layout;
    this.apply();
  }

  /**
   * Moves the keyboard focus into the sidebar, for a keyboard command: the browser delivers keys, and lets the
   * Clipboard API write, only in a focused document, and the page around the frame has the focus until then.
   */
  focus(): void {
    this.frame?.focus();
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.frame = null;
    this.size = null;
  }

  private apply(): void {
    if (!this.host) return;
    const width = this.current.collapsed ? COLLAPSED_WIDTH : this.current.width;
    if (this.size) this.size.textContent = `:host{width:${width}px!important}`;
    this.host.toggleAttribute('data-collapsed', this.current.collapsed);
  }

  private bindResize(handle: HTMLElement, host: HTMLElement): void {
    handle.addEventListener('pointerdown', (down) => {
      down.preventDefault();
      handle.setPointerCapture(down.pointerId);
      const startX = down.clientX;
      const startWidth = this.current.width;
      const move = (event: PointerEvent) => {
        const width = Math.min(900, Math.max(240, startWidth + (startX - event.clientX)));
        this.current = { ...this.current, width };
        this.apply();
      };
      const up = () => {
        handle.removeEventListener('pointermove', move);
        if (host.isConnected) this.onResize(this.current);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up, { once: true });
      handle.addEventListener('pointercancel', up, { once: true });
    });
  }
}
