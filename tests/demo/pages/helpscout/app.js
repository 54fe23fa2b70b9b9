// A stand-in for Help Scout with the same page structure as tests/fixtures/helpscout/*.html: the conversation header
// (number, subject, status, tags), one editor opened as a reply or a note, the threads newest first, and the
// customer panel. Conversations live at /conversation/<id>/<number>. Navigation is in-app (history.pushState).
(function () {
  'use strict';

  /** The tickets, by the id agents see. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    9051: {
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
    9052: {
      subject: 'Account compromised: unknown logins and a data export we did not run',
      requester: { id: 5120, name: 'Priya Nair', email: 'priya.nair@example.com' },
      priority: 'Urgent',
      status: 'Open',
      tags: ['security', 'account-takeover', 'data-export'],
      messages: [
        { author: 'Priya Nair', kind: 'customer', at: '2025-03-04T22:47:00.000Z', text: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.' },
        { author: 'Sam Carter', kind: 'note', at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' },
      ],
    },
    9053: {
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

  const MAILBOX_PATH = '/mailbox/5501127/';
  /** Help Scout's own conversation ids, the first segment of a conversation's URL. */
  const CONVERSATION_IDS = { 9051: '2871634201', 9052: '2871634202', 9053: '2871634203' };
  const TYPE = { customer: 'customer', agent: 'message', note: 'note' };
  const shown = (iso) => new Date(iso).toUTCString().slice(5, 22);
  const pathOf = (number) => `/conversation/${CONVERSATION_IDS[number]}/${number}`;

  function numberFromPath(pathname) {
    const match = /\/conversation\/\d+\/(\d+)/.exec(pathname);
    return match && TICKETS[match[1]] ? match[1] : null;
  }

  function thread(message, index, ticket) {
    const from = message.kind === 'customer' ? `${message.author} <${ticket.requester.email}>` : message.author;
    const verb = { customer: 'wrote', agent: 'replied', note: 'added a note' }[message.kind];
    return h(
      'article',
      { class: `thread ${TYPE[message.kind]}`, id: `thread-70010${index}` },
      h(
        'section',
        { class: 'js-thread-content' },
        h(
          'section',
          { class: 'messageBodyWrap' },
          h(
            'section',
            { class: 'message' },
            h('section', { class: 'threadHeader' }, h('section', { class: 'meta' }, h('span', { class: 'from', dir: 'auto' }, from), ` ${verb} `, h('time', { datetime: message.at }, shown(message.at)))),
            h('section', { class: 'messageBody' }, paragraphs(message.text)),
          ),
        ),
      ),
    );
  }

  function threads(ticket) {
    return ticket.messages.map((message, index) => thread(message, index, ticket)).reverse();
  }

  /** A contenteditable that runs pasted plain text through its own insertion, as rich editors do. */
  function editable() {
    const el = h('div', { class: 'editor-body', contenteditable: 'true', role: 'textbox' }, h('p', null, h('br')));
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function editor(number, ticket) {
    const box = h('div', { 'data-cy': 'ReplyEditor', class: 'is-reply', 'data-mode': 'reply' }, h('div', { class: 'editor-header' }, `Reply to ${ticket.requester.name}`), editable(), h('button', { type: 'button', class: 'send' }, 'Send'));
    box.querySelector('.send').addEventListener('click', () => {
      const body = box.querySelector('.editor-body');
      const text = body.innerText.trim();
      if (!text) return;
      addMessage(number, text, false, { note: box.dataset.mode === 'note' });
      body.replaceChildren(h('p', null, h('br')));
    });
    return box;
  }

  function setMode(mode) {
    const box = document.querySelector('[data-cy="ReplyEditor"]');
    box.dataset.mode = mode;
    box.className = `is-${mode}`;
    box.querySelector('.editor-header').textContent = mode === 'note' ? 'Note' : 'Reply';
    box.querySelector('.send').textContent = mode === 'note' ? 'Add note' : 'Send';
  }

  function renderConversation(number) {
    const ticket = TICKETS[number];
    const actions = h('div', { 'data-cy': 'ConversationHeader.Actions' }, h('button', { type: 'button', 'data-mode': 'reply' }, 'Reply'), h('button', { type: 'button', 'data-mode': 'note' }, 'Note'));
    actions.addEventListener('click', (event) => {
      const button = event.target.closest('[data-mode]');
      if (button) setMode(button.dataset.mode);
    });
    document.getElementById('main').replaceChildren(
      h(
        'div',
        { 'data-cy': 'ConversationHeader' },
        h('span', { 'data-cy': 'Text', class: 'c-Text' }, `#${number}`),
        h('div', { 'data-cy': 'EditableTextarea' }, h('textarea', { 'aria-label': 'Subject', dir: 'auto', rows: '1' }, ticket.subject)),
        h('button', { type: 'button', 'data-cy': 'StatusButton' }, ticket.status),
        h('div', { 'data-cy': 'TagList' }, ticket.tags.map((tag) => h('span', { 'data-cy': 'Tag', class: 'c-Tag' }, tag, h('button', { type: 'button', 'aria-label': 'Remove' }, '×')))),
        actions,
      ),
      editor(number, ticket),
      h('div', { id: 'tkContent' }, threads(ticket)),
      h('aside', { 'data-cy': 'CustomerProfile' }, h('h2', { 'data-cy': 'CustomerName', dir: 'auto' }, ticket.requester.name), h('a', { href: `mailto:${ticket.requester.email}` }, ticket.requester.email)),
    );
  }

  function render() {
    const number = numberFromPath(location.pathname);
    if (number) renderConversation(number);
    else {
      document.getElementById('main').replaceChildren(
        h('table', { class: 'conversation-list' }, Object.keys(TICKETS).map((key) => h('tr', null, h('td', null, `#${key}`), h('td', null, h('a', { href: pathOf(key), 'data-ticket-link': key, dir: 'auto' }, TICKETS[key].subject))))),
      );
    }
    document.title = number ? `#${number} ${TICKETS[number].subject} - Help Scout` : 'Support - Help Scout';
  }

  function navigate(path) {
    if (location.pathname !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(ticketId, text, fromCustomer, options) {
    const number = String(ticketId);
    const ticket = TICKETS[number];
    if (!ticket) throw new Error(`No demo conversation #${number}`);
    const message = {
      author: fromCustomer ? ticket.requester.name : 'Sam Carter',
      kind: fromCustomer ? 'customer' : options && options.note ? 'note' : 'agent',
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(message);
    if (numberFromPath(location.pathname) === number) document.getElementById('tkContent').replaceChildren(...threads(ticket));
    return message;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-ticket-link], a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.dataset.ticketLink ? pathOf(link.dataset.ticketLink) : link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (number) => navigate(pathOf(number)),
  };

  if (!numberFromPath(location.pathname) && !location.pathname.startsWith('/mailbox/')) history.replaceState({}, '', MAILBOX_PATH);
  render();
})();
