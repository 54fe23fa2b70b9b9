// A stand-in for the HubSpot help desk with the same page structure as tests/fixtures/hubspot/*.html: a ticket
// list, the open ticket's thread history and composer (one composer, switched between e-mail and comment by its
// channel button), and the ticket's requester card and properties. Navigation is in-app (history.pushState).
(function () {
  'use strict';

  const PORTAL = '7723145';
  const VIEW_PATH = `/help-desk/${PORTAL}/view/10440`;

  /** The tickets, by ticket ID. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    20451177890: {
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      requester: { id: 5101, name: 'Dana Levi', email: 'dana.levi@example.com' },
      priority: 'High',
      status: 'Open',
      tags: ['sso', 'saml', 'login'],
      messages: [
        { author: 'Dana Levi', kind: 'customer', at: '2025-03-03T09:12:00.000Z', text: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana' },
        { author: 'Sam Carter', kind: 'agent', at: '2025-03-03T09:40:00.000Z', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        { author: 'Dana Levi', kind: 'customer', at: '2025-03-03T10:05:00.000Z', text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?' },
      ],
    },
    20451177891: {
      subject: 'Account compromised: unknown logins and a data export we did not run',
      requester: { id: 5120, name: 'Priya Nair', email: 'priya.nair@example.com' },
      priority: 'Urgent',
      status: 'Open',
      tags: ['security', 'account-takeover', 'data-export'],
      messages: [
        { author: 'Priya Nair', kind: 'customer', at: '2025-03-04T22:47:00.000Z', text: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.' },
        { author: 'Sam Carter', kind: 'comment', at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' },
      ],
    },
    20451177892: {
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      requester: { id: 5144, name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      priority: 'Medium',
      status: 'New',
      tags: ['billing', 'refund'],
      messages: [
        { author: 'ليلى حداد', kind: 'customer', at: '2025-03-05T07:30:00.000Z', text: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى' },
      ],
    },
  };

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

  /** Text with blank lines as paragraphs and single newlines as line breaks. */
  function paragraphs(text) {
    return text.split(/\n{2,}/).map((block) => h('p', { dir: 'auto' }, block.split('\n').flatMap((line, i) => (i === 0 ? [line] : [h('br'), line]))));
  }

  const shown = (iso) => new Date(iso).toUTCString().slice(5, 22);

  function ticketIdFromPath(pathname) {
    const match = /\/ticket\/(\d+)/.exec(pathname);
    return match && TICKETS[match[1]] ? match[1] : null;
  }

  function entry(message) {
    const comment = message.kind === 'comment';
    return h(
      'div',
      { class: 'thread-entry', 'data-test-id': comment ? 'comment-entry' : null },
      h('div', { class: 'thread-entry-header' }, h('span', { 'data-test-id': 'sender-name', dir: 'auto' }, message.author), h('span', { class: 'channel' }, comment ? 'Comment' : 'Email'), h('time', { datetime: message.at }, shown(message.at))),
      h('div', { 'data-test-id': 'message-body' }, paragraphs(message.text)),
    );
  }

  /** A contenteditable that, like HubSpot's rich text editor, runs pasted plain text through its own insertion. */
  function editable() {
    const el = h('div', { class: 'composer-editor', contenteditable: 'true', role: 'textbox', 'aria-label': 'Message' }, h('p', null, h('br')));
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function composer(id) {
    const channel = h('button', { type: 'button', 'aria-label': 'Change channel' }, 'Email');
    const box = h('div', { class: 'composer' }, h('div', { class: 'composer-toolbar' }, channel), editable(), h('div', { class: 'composer-footer' }, h('button', { type: 'button', 'data-test-id': 'composer-send-button' }, 'Send')));
    const setChannel = (name) => {
      channel.textContent = name;
      box.classList.toggle('comment', name === 'Comment');
      history.replaceState(history.state, '', `${location.pathname}#${name === 'Comment' ? 'comment' : 'email'}`);
    };
    channel.addEventListener('click', () => setChannel(channel.textContent === 'Email' ? 'Comment' : 'Email'));
    box.querySelector('[data-test-id="composer-send-button"]').addEventListener('click', () => {
      const editor = box.querySelector('.composer-editor');
      const text = editor.innerText.trim();
      if (!text) return;
      addMessage(id, text, false, { comment: channel.textContent === 'Comment' });
      editor.replaceChildren(h('p', null, h('br')));
    });
    return box;
  }

  function renderTicket(id) {
    const ticket = TICKETS[id];
    const view = document.getElementById('view');
    view.replaceChildren(
      h(
        'div',
        { 'data-test-id': 'inbox-thread-loaded' },
        h(
          'div',
          { role: 'heading', 'aria-level': '1' },
          h('div', { 'data-test-id': 'ticket-header-name-link' }, h('a', { href: `/contacts/${PORTAL}/record/0-5/${id}` }, h('span', { dir: 'auto' }, ticket.subject))),
          h('div', { 'data-test-id': 'ticket-header-contact-detail-link' }, h('a', { href: `/contacts/${PORTAL}/record/0-1/${ticket.requester.id}` }, h('span', { 'data-content': 'true', dir: 'auto' }, ticket.requester.name))),
        ),
        h('div', { 'data-test-id': 'AgentThreadHistory' }, ticket.messages.map(entry)),
        composer(id),
      ),
    );
    const field = (key, label, value, attrs) =>
      h('div', { class: 'field', ...attrs }, h('label', { id: `field-${key}` }, label), h('button', { type: 'button', 'aria-labelledby': `field-${key}` }, value));
    document.getElementById('sidebar').replaceChildren(
      h(
        'div',
        { 'data-sidebar-key': 'Requester' },
        h('h2', { 'data-selenium-test': 'crm-card-title' }, 'Requester (1)'),
        h(
          'div',
          { 'data-selenium-test': 'chicklet' },
          h('a', { 'data-selenium-test': 'contact-chicklet-title-link', href: `/contacts/${PORTAL}/record/0-1/${ticket.requester.id}`, dir: 'auto' }, ticket.requester.name),
          ' ',
          h('a', { 'data-test-id': 'contact-chicklet-email', href: `mailto:${ticket.requester.email}` }, ticket.requester.email),
        ),
      ),
      h(
        'div',
        { 'data-sidebar-key': 'About this ticket' },
        field('status', 'Ticket status', ticket.status, { 'data-selenium-test': 'property-input-hs_pipeline_stage' }),
        field('priority', 'Priority', ticket.priority),
        h('div', { class: 'field', 'data-selenium-test': 'property-input-hs_tag_ids' }, h('label', null, 'Tags'), ticket.tags.map((tag) => h('span', { 'data-component-name': 'UITag' }, tag, h('button', { type: 'button', 'aria-label': 'Remove' }, '×')))),
        h('div', { class: 'field', 'data-selenium-test': 'property-input-createdate' }, h('label', null, 'Create date'), h('time', { datetime: ticket.messages[0].at }, shown(ticket.messages[0].at))),
      ),
    );
  }

  function render() {
    const id = ticketIdFromPath(location.pathname);
    const list = document.querySelector('[data-test-id="help-desk-ticket-list"]');
    list.replaceChildren(
      ...Object.keys(TICKETS).map((key) => h('a', { href: `${VIEW_PATH}/ticket/${key}`, 'data-ticket-link': key, 'aria-current': key === id ? 'page' : null, dir: 'auto' }, TICKETS[key].subject)),
    );
    if (id) renderTicket(id);
    else {
      document.getElementById('view').replaceChildren(h('h1', null, 'Open tickets'));
      document.getElementById('sidebar').replaceChildren();
    }
    document.title = id ? `${TICKETS[id].subject} | HubSpot` : 'Help Desk | HubSpot';
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
      author: fromCustomer ? ticket.requester.name : 'Sam Carter',
      kind: fromCustomer ? 'customer' : options && options.comment ? 'comment' : 'agent',
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(message);
    if (ticketIdFromPath(location.pathname) === id) document.querySelector('[data-test-id="AgentThreadHistory"]').append(entry(message));
    return message;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-ticket-link], a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.dataset.ticketLink ? `${VIEW_PATH}/ticket/${link.dataset.ticketLink}` : link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => navigate(`${VIEW_PATH}/ticket/${ticketId}`),
  };

  if (!location.pathname.startsWith('/help-desk/')) history.replaceState({}, '', VIEW_PATH);
  render();
})();
