import { isShown, queryAll } from './dom';
import { emailIn, tagText, timeText, valueAfterLabel } from './readers';
import type { Adapter, ComposerMode } from './types';

/*
 * Zammad, self-hosted or on Zammad's own hosting (`https://<name>.zammad.com`), the agent desktop at
 * `/#ticket/zoom/<ticket id>`: a single-page app with hash routes.
 * Every ticket opened stays in the page as a task, `div#content_permanent_Ticket-<ticket id>.content`, the one in
 * front `.active` and the others `.hide`. The URL carries the ticket's internal id; agents see its number
 * ("Ticket#40112"), read from the page.
 *
 * Where each selector was seen (zammad/zammad, app/assets/javascripts/app/):
 *   [task]     lib/app_post/task_manager.coffee (`content_permanent_<key>`, `.content.active` / `.hide`),
 *              controllers/ticket_zoom.coffee (task key `Ticket-<id>`, routes `ticket/zoom/:ticket_id[/:article_id]`)
 *   [zoom]     views/ticket_zoom.jst.eco (`.ticketZoom`, `.js-ticketTitleContainer`, `.js-ticketMetaContainer`,
 *              `.ticket-article`, `.article-new`, `.tabsSidebar`)
 *   [title]    views/ticket_zoom/title.jst.eco (`.ticket-title-update.js-objectTitle`, contenteditable)
 *   [meta]     views/ticket_zoom/meta.jst.eco (`.ticket-number.js-objectNumber`, created `time.humanTimeFromNow[datetime]`)
 *   [article]  controllers/ticket_zoom/article_view.coffee and views/ticket_zoom/article_view.jst.eco
 *              (`.ticket-article-item.<sender>` with `customer` / `agent` / `system`, `.is-internal`,
 *              `.textBubble-content .richtext-content`, the From row in `.article-meta.top`)
 *   [sidebar]  views/generic/sidebar_tabs.jst.eco (`.sidebar[data-tab]`), views/widget/user.jst.eco (customer
 *              name in `h3`, attributes as `label` + value), views/widget/tag.jst.eco (`.list--sidebar .js-tag`)
 *   [form]     an automation suite for Zammad's agent UI (`.content.active [data-attribute-name=priority_id]
 *              select`, `.articleNewEdit-body`, the hidden `[name=internal]`, `.js-toggleVisibility`)
 *   [tmetric]  DevartSoftware/tmetric-plugins, src/in-page-scripts/integrations/zammad.ts (title, number, tags)
 */

const CUSTOMER_ARTICLE = '.ticket-article-item.customer';

/**
 * The chosen option of a native select. `:checked` follows what the agent picked; the `selected` attribute only
 * says what the page was rendered with, and stands in for DOMs that do not track the selection.
 */
function selectedOption(el: Element): string | null {
  if (el.localName !== 'select') return null;
  const chosen = el.querySelector('option:checked') ?? el.querySelector('option[selected]') ?? (el as HTMLSelectElement).selectedOptions?.[0];
  return chosen?.textContent ?? null;
}

/**
 * One composer for public replies and internal notes; its hidden `internal` field says which, flipped by the
 * visibility toggle [form].
 */
function composerMode(root: Element): ComposerMode | null {
  const flag = queryAll(root, '.article-new input[name="internal"]')[0];
  if (!flag) return null;
  const value = (flag as HTMLInputElement).value ?? flag.getAttribute('value');
  if (value === 'true') return 'internal';
  if (value === 'false' || value === '') return 'public';
  return null;
}

const composer = {
  selectors: ['.article-new .articleNewEdit-body[contenteditable]', '.article-new [contenteditable="true"]'], // [form]
  // Zammad's rich-text editor cleans pasted markup itself.
  handlesPaste: true,
} as const;

export const zammad: Adapter = {
  id: 'zammad',
  name: 'Zammad',
  // Zammad's hosting has a content script of its own (entrypoints/zammad.content.ts); self-hosted sites are
  // on hosts the user enables or the build names (EXTRA_HOSTS).
  matches: ['*://*.zammad.com/*'],
  page: {
    // Recognised by the page everywhere, on Zammad's hosting too: the pattern above also covers zammad.com and
    // www.zammad.com, the vendor's own site, where no sidebar belongs.
    hosts: [],
    // The app is served at the site's root; every view is a fragment route.
    appPath: /^\/(?:index\.html)?$/,
    signature: ['[id^="content_permanent_"].content', '.ticketZoom'], // [task] [zoom]
    // The path is always `/`: the fragment names the ticket.
    ticketPath: /(?!)/,
    ticketUrl: /#ticket\/zoom\/(\d+)(?:\/|$)/, // [task]
  },
  root: {
    // The task of the ticket in the URL; tasks of other open tickets carry their own ids [task]. Written as an
    // attribute so that, while this ticket's task is not there yet, no other task passes for it.
    selectors: ['[id="content_permanent_Ticket-{id}"]'],
  },
  fields: {
    id: {
      selectors: ['.js-ticketMetaContainer .ticket-number', '.ticket-number.js-objectNumber', '.ticket-number'], // [meta] [zoom]
      pattern: /^\d+$/,
    },
    subject: {
      selectors: ['.ticketZoom-header .js-objectTitle', '.ticket-title-update', '.js-ticketTitleContainer'], // [title] [tmetric]
    },
    requesterName: {
      selectors: [
        '.sidebar[data-tab="customer"] .sidebar-content .sidebar-block h3', // [sidebar]
        // The From row of the customer's articles, "Dana Levi <dana@example.com>" [article]
        `${CUSTOMER_ARTICLE} .article-meta.top .article-meta-value`,
      ],
    },
    requesterEmail: {
      selectors: ['.sidebar[data-tab="customer"] .sidebar-content .sidebar-block label', `${CUSTOMER_ARTICLE} .article-meta.top .article-meta-value`],
      read: (el) => (el.localName === 'label' ? valueAfterLabel(/^\s*e-?mail\s*$/i)(el) : emailIn(el)),
    },
    priority: {
      selectors: ['[data-attribute-name="priority_id"] select', '[name="priority_id"]'], // [form]
      read: selectedOption,
    },
    status: {
      selectors: ['[data-attribute-name="state_id"] select', '[name="state_id"]'], // [form]
      read: selectedOption,
    },
    tags: {
      selectors: ['.sidebar[data-tab="ticket"] .list--sidebar .js-tag', '.list--sidebar .list-item-name'], // [sidebar] [tmetric]
      read: tagText,
    },
    createdAt: {
      selectors: ['.js-ticketMetaContainer time[datetime]', '.ticketZoom-header time[datetime]'], // [meta]
      read: timeText,
    },
    messages: {
      items: ['.ticket-article .ticket-article-item', '.ticket-article-item'], // [article]
      body: ['.textBubble-content .richtext-content', '.textBubble-content'],
      order: 'oldest-first',
      // The sender is a class of the article: Customer, Agent or System [article].
      fromCustomer: (item) => {
        if (item.classList.contains('customer') && !item.classList.contains('is-internal')) return true;
        if (item.classList.contains('agent') || item.classList.contains('system') || item.classList.contains('is-internal')) return false;
        return null;
      },
      time: (item) => {
        const time = queryAll(item, 'time[datetime]').find((el) => !el.closest('.article-meta'));
        return time ? timeText(time) : null;
      },
      // Quoted e-mail history and the "See more" control [article].
      ignore: ['blockquote[type="cite"]', '.textBubble-overflowContainer'],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    reply: composer,
    note: composer,
    mode: (root) => (queryAll(root, '.article-new').some(isShown) ? composerMode(root) : null),
  },
};
