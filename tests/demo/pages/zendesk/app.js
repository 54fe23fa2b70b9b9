// A stand-in for Zendesk Agent Workspace with the same page structure as tests/fixtures/zendesk/*.html:
// a views list, ticket tabs that stay in the page (hidden) once opened, and a composer with a
// public reply / internal note switch. Navigation is in-app (history.pushState), as in the real app.
(function () {
  'use strict';

  const VIEW_PATH = '/agent/filters/360001';

  /** The tickets. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    35120: {
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      via: 'Via email',
      requester: { id: 7001, name: 'Dana Levi', email: 'dana.levi@example.com' },
      type: 'Incident',
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      messages: [
        {
          author: 'Dana Levi',
          fromCustomer: true,
          at: '2025-03-03T09:12:00.000Z',
          text: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
        },
        {
          author: 'Sam Carter',
          fromCustomer: false,
          at: '2025-03-03T09:40:00.000Z',
          text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?',
        },
        {
          author: 'Dana Levi',
          fromCustomer: true,
          at: '2025-03-03T10:05:00.000Z',
          text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?',
        },
      ],
    },
    35121: {
      subject: 'Account compromised: unknown logins and a data export we did not run',
      via: 'Via email',
      requester: { id: 7020, name: 'Priya Nair', email: 'priya.nair@example.com' },
      type: 'Incident',
      priority: 'Urgent',
      status: 'Open',
      tags: ['security', 'account-takeover', 'data-export'],
      messages: [
        {
          author: 'Priya Nair',
          fromCustomer: true,
          at: '2025-03-04T22:47:00.000Z',
          text: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
        },
        {
          author: 'Sam Carter',
          fromCustomer: false,
          internal: true,
          at: '2025-03-04T22:55:00.000Z',
          text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.',
        },
      ],
    },
    35122: {
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      via: 'Via web form',
      requester: { id: 7044, name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      type: 'Question',
      priority: 'Normal',
      status: 'New',
      tags: ['billing', 'refund'],
      messages: [
        {
          author: 'ليلى حداد',
          fromCustomer: true,
          at: '2025-03-05T07:30:00.000Z',
          text: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
        },
      ],
    },
  };

  /** Ticket tabs in the order they were opened; their views stay in the page. */
  const openTabs = [];

  /**
   * A slow backend, for the browser tests: `?subjectAt=<ms>&messagesAt=<ms>` shows the opened ticket's view as a
   * loading skeleton and fills the subject and the conversation that long after it opens; `never` leaves them
   * to `demoHelpdesk.finishLoading()`. The subject arrives as a framework sets an input, by its `value` property
   * alone, which changes nothing a MutationObserver sees.
   */
  const search = new URLSearchParams(location.search);
  const loading = { subjectAt: search.get('subjectAt'), messagesAt: search.get('messagesAt') };
  /** Views still showing their skeleton, by ticket id: what is left to fill in each. */
  const pending = new Map();

  /** When on, the composer puts pasted HTML into the page as it is, like an editor without a sanitiser. */
  let pastedHtmlTrusted = false;

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === 'value') el.value = value;
      else el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return el;
  }

  /** Text with blank lines as paragraphs and single newlines as line breaks. */
  function paragraphs(text) {
    return text.split(/\n{2,}/).map((block) =>
      h(
        'p',
        null,
        block.split('\n').flatMap((line, index) => (index === 0 ? [line] : [h('br'), line])),
      ),
    );
  }

  function ticketIdFromPath(pathname) {
    const match = /^\/agent\/(?:.*\/)?tickets\/(\d+)/.exec(pathname);
    return match && TICKETS[match[1]] ? match[1] : null;
  }

  function messageItem(message) {
    const internal = Boolean(message.internal);
    return h(
      'article',
      {
        'data-test-id': 'omni-log-comment-item',
        'aria-label': `${internal ? 'Internal note' : 'Message'} from ${message.author}`,
        class: internal ? 'internal' : null,
      },
      h('div', { 'data-test-id': 'omni-log-item-sender' }, h('a', { 'data-test-id': 'omni-log-comment-user-link', href: '#', dir: 'auto' }, message.author)),
      internal ? h('div', { 'data-test-id': 'omni-log-internal-note-tag' }, 'Internal note') : null,
      h('time', { 'data-test-id': 'timestamp-relative', datetime: message.at, title: new Date(message.at).toUTCString() }, new Date(message.at).toUTCString().slice(5, 22)),
      h(
        'div',
        { 'data-test-id': 'omni-log-item-message', type: internal ? 'internal' : message.fromCustomer ? 'end-user' : 'agent' },
        h('div', { 'data-test-id': 'omni-log-message-content', dir: 'auto' }, paragraphs(message.text)),
      ),
    );
  }

  const MODES = {
    public: { channel: 'web', label: 'Public reply' },
    internal: { channel: 'internal', label: 'Internal note' },
  };

  function setMode(view, mode) {
    const switcher = view.querySelector('[data-test-id="omnichannel-channel-switcher-button"]');
    switcher.setAttribute('data-channel', MODES[mode].channel);
    switcher.setAttribute('aria-label', MODES[mode].label);
    switcher.textContent = MODES[mode].label;
    view.querySelector('[data-test-id="editor-view"]').classList.toggle('internal-note', mode === 'internal');
  }

  /** A contenteditable that, like CKEditor 5, runs pasted plain text through its own insertion and cancels the paste. */
  function composerEditable() {
    const editable = h(
      'div',
      {
        class: 'ck ck-content ck-editor__editable ck-rounded-corners ck-editor__editable_inline',
        contenteditable: 'true',
        role: 'textbox',
        'aria-label': 'Rich Text Editor. Editing area: main',
        'data-test-id': 'omnicomposer-rich-text-ckeditor',
        dir: 'auto',
      },
      h('p', null, h('br')),
    );
    editable.addEventListener('paste', (event) => {
      const html = event.clipboardData && event.clipboardData.getData('text/html');
      if (pastedHtmlTrusted && html) {
        event.preventDefault();
        const selection = document.getSelection();
        const range = selection.rangeCount > 0 ? selection.getRangeAt(0) : document.createRange();
        if (!editable.contains(range.commonAncestorContainer)) {
          range.selectNodeContents(editable);
          range.collapse(false);
        }
        range.deleteContents();
        // A parsed fragment keeps its scripts runnable and its handlers live: whatever markup arrives, runs.
        range.insertNode(range.createContextualFragment(html));
        return;
      }
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return editable;
  }

  function composer(id) {
    const menu = h(
      'ul',
      { role: 'menu', hidden: true },
      h('li', { role: 'menuitem', 'data-test-id': 'omnichannel-channel-switcher-menuitem-public', 'data-mode': 'public' }, 'Public reply'),
      h('li', { role: 'menuitem', 'data-test-id': 'omnichannel-channel-switcher-menuitem-internal', 'data-mode': 'internal' }, 'Internal note'),
    );
    const switcher = h(
      'button',
      { type: 'button', 'data-test-id': 'omnichannel-channel-switcher-button', 'aria-haspopup': 'true', 'data-channel-switcher-trigger-for-ticket-id': id },
      '',
    );
    switcher.addEventListener('click', () => {
      menu.hidden = !menu.hidden;
    });
    menu.addEventListener('click', (event) => {
      const item = event.target.closest('[data-mode]');
      if (!item) return;
      menu.hidden = true;
      setMode(item.closest('.workspace'), item.dataset.mode);
    });
    return h(
      'div',
      { 'data-test-id': 'editor-view' },
      h('div', { class: 'switcher', 'data-garden-id': 'buttons.button_group_view' }, switcher, menu),
      h('div', { 'data-test-id': 'ticket-rich-text-editor' }, composerEditable()),
    );
  }

  function submit(id, view) {
    const editable = view.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]');
    const text = editable.innerText.trim();
    if (!text) return;
    const internal = view.querySelector('[data-test-id="omnichannel-channel-switcher-button"]').dataset.channel === 'internal';
    addMessage(id, text, false, { internal, author: 'Sam Carter' });
    editable.replaceChildren(h('p', null, h('br')));
  }

  /** Placeholder bars in the conversation log while it loads, with no text in them. */
  function skeleton() {
    return [1, 2, 3].map(() => h('div', { 'data-garden-id': 'loaders.skeleton', class: 'skeleton', 'aria-busy': 'true' }));
  }

  /** Fills what the view of ticket `id` still waits for: `subject`, `messages`, or both when `part` is unset. */
  function finishLoading(id, part) {
    const left = pending.get(String(id));
    const view = document.querySelector(`[data-workspace-for="${id}"]`);
    if (!left || !view) return;
    if ((part === undefined || part === 'subject') && left.has('subject')) {
      left.delete('subject');
      view.querySelector('[data-test-id="omni-header-subject"]').value = TICKETS[id].subject;
    }
    if ((part === undefined || part === 'messages') && left.has('messages')) {
      left.delete('messages');
      view.querySelector('[data-test-id="omni-log-container"]').replaceChildren(...TICKETS[id].messages.map(messageItem));
    }
    if (left.size === 0) pending.delete(String(id));
  }

  function scheduleLoading(id) {
    const parts = Object.entries({ subject: loading.subjectAt, messages: loading.messagesAt }).filter(([, at]) => at !== null);
    if (parts.length === 0) return;
    pending.set(id, new Set(parts.map(([part]) => part)));
    for (const [part, at] of parts) {
      if (at !== 'never') setTimeout(() => finishLoading(id, part), Number(at));
    }
  }

  function ticketView(id) {
    const ticket = TICKETS[id];
    scheduleLoading(id);
    const waiting = pending.get(id) || new Set();
    const view = h(
      'div',
      { class: 'workspace', 'data-workspace-for': id },
      h(
        'div',
        { class: 'ticket-panes-grid-layout', 'data-is-active': 'false', 'data-ticket-id': id },
        h(
          'div',
          { id: 'ticket_sidebar' },
          h(
            'div',
            { 'data-garden-id': 'grid.row' },
            h('label', { 'data-test-id': 'ticket-system-field-requester-label' }, 'Requester'),
            h(
              'div',
              { 'data-test-id': 'ticket-system-field-requester-select', role: 'combobox', 'aria-label': 'Requester', title: ticket.requester.email },
              h('div', { 'data-garden-id': 'dropdowns.combobox.value', dir: 'auto' }, ticket.requester.name),
            ),
          ),
          h(
            'div',
            { 'data-garden-id': 'grid.row' },
            h('label', null, 'Tags'),
            h(
              'div',
              { 'data-test-id': 'ticket-fields-tags' },
              ticket.tags.map((tag) =>
                h('div', { 'data-test-id': 'ticket-system-field-tags-item-selected', class: 'garden-tag-item' }, tag, h('button', { type: 'button', 'aria-label': 'Remove' }, '×')),
              ),
            ),
          ),
          h('div', { 'data-garden-id': 'grid.row' }, h('label', null, 'Type'), h('div', { 'data-test-id': 'ticket-fields-type-select' }, h('div', { 'data-garden-id': 'dropdowns.combobox.value' }, ticket.type))),
          h('div', { 'data-garden-id': 'grid.row' }, h('label', null, 'Priority'), h('div', { 'data-test-id': 'ticket-fields-priority-select' }, h('div', { 'data-garden-id': 'dropdowns.combobox.value' }, ticket.priority))),
        ),
        h(
          'div',
          { 'data-side-conversations-anchor-id': id, 'data-garden-id': 'pane' },
          h(
            'div',
            { class: 'omni-conversation-pane' },
            h(
              'div',
              { class: 'omni-header' },
              h('input', { 'data-test-id': 'omni-header-subject', 'aria-label': 'Subject', dir: 'auto', value: waiting.has('subject') ? '' : ticket.subject }),
              h('div', { 'data-test-id': 'omni-header-via-label' }, ticket.via),
            ),
            h('div', { 'data-test-id': 'omni-log-container', role: 'log' }, waiting.has('messages') ? skeleton() : ticket.messages.map(messageItem)),
            composer(id),
          ),
        ),
        h(
          'aside',
          { class: 'context-panel' },
          h('nav', { 'data-test-id': 'customer-context-tab-navigation' }, h('button', { type: 'button' }, 'User'), h('button', { type: 'button' }, 'Apps')),
          h('section', { class: 'user-card' }, h('h3', { dir: 'auto' }, ticket.requester.name), h('a', { href: `mailto:${ticket.requester.email}` }, ticket.requester.email)),
        ),
        h(
          'footer',
          { class: 'ticket-resolution-footer' },
          h('button', { type: 'submit', 'data-test-id': 'submit_button-button' }, 'Submit as ', h('strong', null, ticket.status)),
        ),
      ),
    );
    setMode(view, 'public');
    view.querySelector('[data-test-id="submit_button-button"]').addEventListener('click', () => submit(id, view));
    return view;
  }

  function tab(id) {
    const ticket = TICKETS[id];
    const el = h(
      'div',
      { 'data-test-id': 'header-tab', role: 'tab', 'data-entity-id': id, 'data-entity-type': 'TICKET_ENTITY_TYPE' },
      h('div', { 'data-test-id': 'header-tab-title', dir: 'auto' }, ticket.subject),
      h('div', { 'data-test-id': 'header-tab-subtitle' }, `#${id}`),
      h('button', { type: 'button', 'data-test-id': 'close-button', 'aria-label': 'Close tab' }, '×'),
    );
    el.addEventListener('click', (event) => {
      if (event.target.closest('[data-test-id="close-button"]')) closeTab(id);
      else navigate(`/agent/tickets/${id}`);
    });
    return el;
  }

  function closeTab(id) {
    openTabs.splice(openTabs.indexOf(id), 1);
    document.querySelector(`[data-workspace-for="${id}"]`)?.remove();
    if (ticketIdFromPath(location.pathname) === id) navigate(VIEW_PATH);
    else render();
  }

  function renderViews() {
    const rows = Object.keys(TICKETS).map((id) => {
      const ticket = TICKETS[id];
      return h(
        'tr',
        { 'data-test-id': 'generic-table-row', 'data-garden-id': 'tables.row' },
        h('td', { 'data-test-id': 'generic-table-cells-id' }, `#${id}`),
        h('td', { 'data-test-id': 'ticket-table-cells-subject' }, h('a', { href: `tickets/${id}`, 'data-ticket-link': id, dir: 'auto' }, ticket.subject)),
        h('td', { dir: 'auto' }, ticket.requester.name),
        h('td', null, ticket.priority),
        h('td', null, ticket.status),
      );
    });
    document.querySelector('#views tbody').replaceChildren(...rows);
    document.querySelector('[data-test-id="views_views-header-counter"]').textContent = `${rows.length} tickets`;
  }

  function render() {
    const id = ticketIdFromPath(location.pathname);
    if (id && !openTabs.includes(id)) {
      openTabs.push(id);
      document.getElementById('main_panes').append(ticketView(id));
    }
    document.getElementById('views').style.display = id ? 'none' : '';
    for (const view of document.querySelectorAll('[data-workspace-for]')) {
      const front = view.dataset.workspaceFor === id;
      view.style.display = front ? '' : 'none';
      const layout = view.querySelector('.ticket-panes-grid-layout');
      layout.classList.toggle('active', front);
      layout.dataset.isActive = String(front);
    }
    const tablist = document.querySelector('[data-test-id="header-tablist"]');
    tablist.replaceChildren(...openTabs.map(tab));
    for (const el of tablist.children) {
      const selected = el.dataset.entityId === id;
      el.setAttribute('aria-selected', String(selected));
      el.dataset.entityIsSelected = String(selected);
      el.dataset.selected = String(selected);
      if (selected) el.setAttribute('aria-current', 'page');
    }
    document.title = id ? `${TICKETS[id].subject} – Acme – Agent Workspace` : 'Your unsolved tickets – Acme – Agent Workspace';
  }

  function navigate(path) {
    if (location.pathname !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(ticketId, text, fromCustomer, options) {
    const id = String(ticketId);
    const ticket = TICKETS[id];
    if (!ticket) throw new Error(`No demo ticket ${id}`);
    const message = {
      author: (options && options.author) || (fromCustomer ? ticket.requester.name : 'Sam Carter'),
      fromCustomer: Boolean(fromCustomer),
      internal: Boolean(options && options.internal),
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(message);
    document.querySelector(`[data-workspace-for="${id}"] [data-test-id="omni-log-container"]`)?.append(messageItem(message));
    return message;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-ticket-link], a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.dataset.ticketLink ? `/agent/tickets/${link.dataset.ticketLink}` : link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  /** A ticket more, shaped like those above, under a numeric id; `open` shows it. */
  function addTicket(ticketId, ticket) {
    const id = String(ticketId);
    if (!/^\d+$/.test(id) || TICKETS[id]) throw new Error(`Demo ticket ids are new numbers: ${id}`);
    TICKETS[id] = ticket;
    renderViews();
  }

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    addTicket,
    finishLoading,
    trustPastedHtml: (on) => {
      pastedHtmlTrusted = Boolean(on);
    },
    open: (ticketId) => navigate(`/agent/tickets/${ticketId}`),
  };

  // Like Zendesk, anything outside a ticket lands on the views list; a ticket link opened in a new tab still opens the ticket.
  const first = ticketIdFromPath(location.pathname);
  if (first) history.replaceState({}, '', `/agent/tickets/${first}`);
  else if (!location.pathname.startsWith('/agent/filters/')) history.replaceState({}, '', VIEW_PATH);
  renderViews();
  render();
})();
