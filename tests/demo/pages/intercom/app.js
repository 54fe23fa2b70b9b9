// A stand-in for the Intercom Inbox with the same page structure as tests/fixtures/intercom/*.html: a conversation
// list, the open conversation's card (carrying its id), its parts, one composer switched between Reply and Note,
// and the details sidebar. Navigation is in-app (history.pushState).
(function () {
  'use strict';

  /** The tickets, by the id agents see. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    180042976513382: {
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
    180042976513390: {
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
    180042976513401: {
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

  const APP = 'qkpzhtwm';
  const FOLDER_PATH = `/a/inbox/${APP}/inbox/shared/all`;
  const CATEGORY = { customer: '1', agent: '3', note: '4' };
  const shown = (iso) => new Date(iso).toUTCString().slice(5, 22);

  function conversationIdFromPath(pathname) {
    const match = /\/conversations?\/(\d+)/.exec(pathname);
    return match && TICKETS[match[1]] ? match[1] : null;
  }

  function part(message, index) {
    const body =
      message.kind === 'customer'
        ? h('div', { class: 'inbox2__user-email-part' }, h('div', { class: 'inbox2__user-email-content' }, paragraphs(message.text)))
        : h('div', { class: 'interblocks-html inbox2__break-words' }, paragraphs(message.text));
    return h(
      'div',
      { class: 'inbox2__conversation-part', 'data-part-group-id': `9100${index}`, 'data-part-group-category': CATEGORY[message.kind] },
      h('div', { class: 'inbox2__part-header' }, h('span', { class: 'inbox2__part-author', dir: 'auto' }, message.author), message.kind === 'note' ? h('span', { class: 'inbox2__note-badge' }, 'Note') : null, h('time', { datetime: message.at, title: shown(message.at) }, shown(message.at))),
      body,
    );
  }

  /** ProseMirror runs pasted plain text through its own parser and cancels the paste. */
  function editable() {
    const el = h('div', { class: 'ProseMirror embercom-prosemirror-composer-editor', contenteditable: 'true', role: 'textbox' }, h('p', null, h('br')));
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function composer(id) {
    const tab = (mode, label) => h('button', { type: 'button', role: 'tab', 'aria-selected': String(mode === 'reply'), 'data-composer-mode': mode }, label);
    const box = h(
      'div',
      { class: 'inbox2__composer__container' },
      h('div', { role: 'tablist', 'aria-label': 'Composer mode' }, tab('reply', 'Reply'), tab('note', 'Note')),
      h('div', { 'data-conversation-reply-composer': '' }, editable()),
      h('button', { type: 'button', class: 'inbox2__button' }, 'Send'),
    );
    box.querySelector('[role="tablist"]').addEventListener('click', (event) => {
      const chosen = event.target.closest('[role="tab"]');
      if (!chosen) return;
      for (const each of box.querySelectorAll('[role="tab"]')) each.setAttribute('aria-selected', String(each === chosen));
      box.classList.toggle('o__note', chosen.dataset.composerMode === 'note');
    });
    box.querySelector('.inbox2__button').addEventListener('click', () => {
      const editor = box.querySelector('.ProseMirror');
      const text = editor.innerText.trim();
      if (!text) return;
      addMessage(id, text, false, { note: box.classList.contains('o__note') });
      editor.replaceChildren(h('p', null, h('br')));
    });
    return box;
  }

  function renderConversation(id) {
    const ticket = TICKETS[id];
    document.getElementById('page').replaceChildren(
      h(
        'div',
        { class: 'inbox2__conversation', 'data-conversation-id': id },
        h('div', { 'data-intercom-target': 'conversation-card-header' }, h('div', { class: 'inbox2__conversation-title', 'data-inbox-conversation-header-title': '', dir: 'auto' }, ticket.subject)),
        h('div', { 'data-testid': 'conversation-stream-scroll-container', class: 'inbox2__conversation-stream' }, ticket.messages.map(part)),
        composer(id),
      ),
      h(
        'div',
        { class: 'inbox2__conversation-details-sidebar' },
        h(
          'dl',
          { class: 'inbox2__attributes' },
          h('dt', null, 'Name'),
          h('dd', { dir: 'auto' }, ticket.requester.name),
          h('dt', null, 'Email'),
          h('dd', null, ticket.requester.email),
          h('dt', null, 'Priority'),
          h('dd', null, ticket.priority),
          h('dt', null, 'State'),
          h('dd', null, ticket.status),
        ),
        h('div', { class: 'inbox2__tags' }, ticket.tags.map((tag) => h('span', { class: 'inbox2__tag', 'data-tag-name': tag }, tag, h('button', { type: 'button', 'aria-label': 'Remove tag' }, '×')))),
      ),
    );
  }

  function render() {
    const id = conversationIdFromPath(location.pathname);
    document.getElementById('list').replaceChildren(
      ...Object.keys(TICKETS).map((key) => h('a', { href: `${FOLDER_PATH}/conversation/${key}`, 'data-ticket-link': key, 'aria-current': key === id ? 'page' : null, dir: 'auto' }, TICKETS[key].subject)),
    );
    if (id) renderConversation(id);
    else document.getElementById('page').replaceChildren(h('p', { class: 'inbox2__empty-state' }, 'Select a conversation'));
    document.title = id ? `${TICKETS[id].subject} | Intercom` : 'Inbox | Intercom';
  }

  function navigate(path) {
    if (location.pathname !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(ticketId, text, fromCustomer, options) {
    const id = String(ticketId);
    const ticket = TICKETS[id];
    if (!ticket) throw new Error(`No demo conversation ${id}`);
    const message = {
      author: fromCustomer ? ticket.requester.name : 'Sam Carter',
      kind: fromCustomer ? 'customer' : options && options.note ? 'note' : 'agent',
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(message);
    if (conversationIdFromPath(location.pathname) === id) document.querySelector('.inbox2__conversation-stream').append(part(message, ticket.messages.length - 1));
    return message;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-ticket-link]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(`${FOLDER_PATH}/conversation/${link.dataset.ticketLink}`);
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => navigate(`${FOLDER_PATH}/conversation/${ticketId}`),
  };

  if (!location.pathname.startsWith('/a/')) history.replaceState({}, '', FOLDER_PATH);
  render();
})();
