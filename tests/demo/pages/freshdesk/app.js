// A stand-in for the Freshdesk agent UI with the same page structure as tests/fixtures/freshdesk/*.html: a
// ticket list, one ticket view at a time re-rendered on in-app navigation (history.pushState, as Ember does),
// and a Froala-like composer opened from the reply bar as "Reply" (public) or "Add note" (private).
(function () {
  'use strict';

  const LIST_PATH = '/a/tickets/filters/all_tickets';

  /** The tickets. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    742: {
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      source: 'email',
      requester: { id: 501, name: 'Dana Levi', email: 'dana.levi@example.com' },
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
    743: {
      subject: 'Account compromised: unknown logins and a data export we did not run',
      source: 'email',
      requester: { id: 520, name: 'Priya Nair', email: 'priya.nair@example.com' },
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
    744: {
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      source: 'portal',
      requester: { id: 544, name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      type: 'Question',
      priority: 'Medium',
      status: 'Open',
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

  /** Which composer each ticket shows, and its unsent drafts, kept across navigation like Freshdesk's drafts. */
  const composers = {};
  let nextNoteId = 9100;

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return el;
  }

  function lines(text) {
    return text.split('\n').map((line) => h('div', null, line || h('br')));
  }

  /** Freshdesk prints local times like "(Mon, 3 Mar 2025 at 9:12 AM)". */
  function printed(iso) {
    const date = new Date(iso);
    const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    const time = date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    return `(${day} at ${time})`;
  }

  function ticketIdFromPath(pathname) {
    const match = /^\/a\/tickets\/(\d+)/.exec(pathname);
    return match && TICKETS[match[1]] ? match[1] : null;
  }

  function description(id, ticket) {
    const first = ticket.messages[0];
    return h(
      'div',
      { class: 'ticket-details__item ticket-details__requestor requestor-wrap', 'data-test-id': 'ticket-description', 'data-album': `ticket_${id}` },
      h(
        'div',
        { class: 'ticket-details__right' },
        h(
          'div',
          { class: 'ticket-details__item__header' },
          h('div', { class: 'sender-info' }, h('a', { 'data-test-id': 'user-name', href: '#', dir: 'auto' }, ticket.requester.name), ` reported via ${ticket.source}`),
          h('div', { class: 'created-time' }, h('span', { class: 'timeago-units' }, printed(first.at))),
        ),
        h('div', { class: 'ticket-details__item__content' }, h('div', { id: 'ticket_original_request', class: 'text-content-wrapper', dir: 'auto' }, lines(first.text))),
      ),
    );
  }

  function conversation(message) {
    const classes = ['ticket-details__item'];
    if (message.fromCustomer) classes.push('ticket-details__requestor');
    if (message.internal) classes.push('ticket-details__privatenote');
    const action = message.internal ? 'added a private note' : 'replied';
    return h(
      'div',
      { 'data-test-id': 'conversation-wrapper', 'data-album': `note_${message.noteId}`, class: classes.join(' ') },
      h(
        'div',
        { class: 'ticket-details__right' },
        h(
          'div',
          { class: 'conversation-header' },
          h('div', { class: 'sender-info' }, h('a', { 'data-test-id': 'user-name', href: '#', dir: 'auto' }, message.author), ` ${action}`),
          h('div', { class: 'created-time' }, h('span', { class: 'timeago-units' }, printed(message.at))),
        ),
        h(
          'div',
          { 'data-test-id': 'conversation-content-wrapper' },
          h('div', { 'data-test-conversation': 'conversation-text', class: 'ticket_note', dir: 'auto' }, lines(message.text)),
        ),
      ),
    );
  }

  /** A Froala-like editable: it takes pasted plain text through its own insertion and cancels the paste. */
  function editable(html) {
    const el = h('div', { class: 'fr-element fr-view', dir: 'auto', contenteditable: 'true', 'aria-disabled': 'false', spellcheck: 'true' });
    el.innerHTML = html || '<p><br></p>';
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function editor(id, ticket) {
    const state = composers[id];
    const note = state.mode === 'note';
    const body = editable(state.drafts[state.mode]);
    body.addEventListener('input', () => {
      state.drafts[state.mode] = body.innerHTML;
    });
    const submit = note
      ? h('div', { class: 'note-btn-wrapper' }, h('button', { type: 'submit', class: 'note-btn nucleus-button nucleus-button--primary' }, 'Add note'))
      : h('div', { class: 'reply-btn-wrapper' }, h('button', { type: 'submit', class: 'reply-btn nucleus-button nucleus-button--primary' }, 'Send'));
    submit.querySelector('button').addEventListener('click', () => {
      const text = body.innerText.trim();
      if (!text) return;
      addMessage(id, text, false, { internal: note });
      state.drafts[state.mode] = '';
      render();
    });
    return h(
      'div',
      { class: note ? 'ticket-editor ticket-editor--note' : 'ticket-editor', 'data-test-id': note ? 'note-editor' : 'reply-editor' },
      h('div', { class: 'ticket-editor__header' }, note ? 'Add note' : 'Reply'),
      h(
        'div',
        { class: 'ticket-editor__fields' },
        note ? h('div', { class: 'email-field' }, 'Notify to: ') : [h('div', { class: 'email-field' }, 'From: Acme Support <support@acme.example>'), h('div', { class: 'email-field' }, `To: ${ticket.requester.name} <${ticket.requester.email}>`)],
      ),
      h(
        'div',
        { class: 'ticket-editor__bodytext' },
        h(
          'div',
          { class: 'fr-box fr-basic fr-top', role: 'application' },
          h('div', { class: 'fr-toolbar fr-top', role: 'toolbar' }, h('button', { type: 'button', class: 'fr-command', 'aria-label': 'Bold' }, 'B')),
          h('div', { class: 'fr-wrapper', dir: 'auto' }, body),
        ),
      ),
      h('div', { class: 'ticket-editor__footer' }, submit),
    );
  }

  function replyBar(id) {
    const bar = h('ul', { class: 'reply-bar' });
    for (const [mode, label] of [
      ['reply', 'Reply'],
      ['note', 'Add note'],
    ]) {
      const button = h('button', { type: 'button', class: `nucleus-button nucleus-button--secondary${composers[id].mode === mode ? ' is-selected' : ''}` }, label);
      button.addEventListener('click', () => {
        composers[id].mode = mode;
        render();
      });
      bar.append(h('li', { class: 'reply-bar__item' }, button));
    }
    bar.append(h('li', { class: 'reply-bar__item' }, h('button', { type: 'button', class: 'nucleus-button nucleus-button--secondary', disabled: true }, 'Forward')));
    return h('div', { class: 'reply-bar-wrapper' }, bar);
  }

  function property(field, label, value) {
    return h(
      'div',
      { 'data-test-id': `tkt-properties-${field}` },
      h('label', { class: 'label-field' }, label),
      h('div', { class: 'ember-power-select-trigger', role: 'button' }, h('span', { class: 'ember-power-select-selected-item' }, value)),
    );
  }

  function ticketPage(id) {
    const ticket = TICKETS[id];
    composers[id] ??= { mode: 'reply', drafts: { reply: '', note: '' } };
    return [
      h(
        'div',
        { class: 'page-actions' },
        h(
          'div',
          { class: 'page-actions__left' },
          h('nav', { class: 'breadcrumb' }, h('a', { class: 'breadcrumb__item', href: LIST_PATH, 'data-route': true }, 'All tickets'), h('span', { class: 'breadcrumb__item active' }, id)),
        ),
        h('div', { class: 'page-actions__right' }, h('button', { type: 'button', class: 'app-icon-btn app-icon-btn--text nucleus-button' }, 'Close')),
      ),
      h(
        'div',
        { class: 'ticket-view' },
        h(
          'div',
          { class: 'ticket-header' },
          h('div', { class: 'ticket-header-start' }, h('h2', { class: 'ticket-subject-heading', dir: 'auto' }, ticket.subject, h('span', { class: `label label--${ticket.source}` }, ticket.source === 'email' ? 'Email' : 'Portal'))),
        ),
        h('div', { class: 'ticket-details' }, description(id, ticket), ticket.messages.slice(1).map(conversation)),
        replyBar(id),
        editor(id, ticket),
      ),
      h(
        'aside',
        { class: 'ticket-sidebar' },
        h(
          'div',
          { class: 'ticket-properties-form' },
          property('ticket_type', 'Type', ticket.type),
          property('status', 'Status', ticket.status),
          property('priority', 'Priority', ticket.priority),
          h(
            'div',
            { 'data-test-id': 'tkt-properties-tags' },
            h('label', { class: 'label-field' }, 'Tags'),
            h(
              'div',
              { class: 'ember-power-select-trigger ember-power-select-multiple-trigger' },
              h(
                'ul',
                { class: 'ember-power-select-multiple-options' },
                ticket.tags.map((tag) => h('li', { class: 'ember-power-select-multiple-option' }, h('span', { class: 'ember-power-select-multiple-remove-btn', role: 'button', 'aria-label': 'remove element' }, '×'), tag)),
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'info-details-widget widget-requestor-info' },
          h('a', { 'data-test-id': 'user-name', href: '#', dir: 'auto' }, ticket.requester.name),
          h('div', { class: 'info-details-content' }, h('div', { class: 'text__infotext' }, 'Email'), h('div', { class: 'text__content' }, ticket.requester.email)),
        ),
      ),
    ];
  }

  function listPage() {
    return [
      h('div', { class: 'page-actions' }, h('div', { class: 'page-actions__left' }, h('h1', { class: 'page-title' }, 'All tickets'))),
      h(
        'table',
        { class: 'tickets-list' },
        h(
          'tbody',
          null,
          Object.keys(TICKETS).map((id) => {
            const ticket = TICKETS[id];
            return h(
              'tr',
              { class: 'ticket-row' },
              h('td', null, `#${id}`),
              h('td', null, h('div', { class: 'trigger-shortcuts', 'data-test-id': `ticket-subject-hover-${id}` }, h('a', { href: `/a/tickets/${id}`, 'data-route': true, dir: 'auto' }, ticket.subject))),
              h('td', { dir: 'auto' }, ticket.requester.name),
              h('td', null, ticket.priority),
              h('td', null, ticket.status),
            );
          }),
        ),
      ),
    ];
  }

  function render() {
    const id = ticketIdFromPath(location.pathname);
    document.getElementById('page').replaceChildren(...(id ? ticketPage(id) : listPage()));
    document.title = id ? `[#${id}] ${TICKETS[id].subject} : Acme Support` : 'All tickets : Acme Support';
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
      noteId: (nextNoteId += 1),
      author: fromCustomer ? ticket.requester.name : 'Sam Carter',
      fromCustomer: Boolean(fromCustomer),
      internal: Boolean(options && options.internal),
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(message);
    if (ticketIdFromPath(location.pathname) === id) document.querySelector('.ticket-details')?.append(conversation(message));
    return message;
  }

  for (const ticket of Object.values(TICKETS)) {
    for (const message of ticket.messages.slice(1)) message.noteId = nextNoteId += 1;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => navigate(`/a/tickets/${ticketId}`),
  };

  if (!ticketIdFromPath(location.pathname) && !location.pathname.startsWith('/a/tickets/filters/')) history.replaceState({}, '', LIST_PATH);
  render();
})();
