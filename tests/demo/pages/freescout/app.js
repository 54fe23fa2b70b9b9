// A stand-in for FreeScout with the same page structure as tests/fixtures/freescout/*.html: a mailbox list and a
// page per conversation (/conversation/<id>), every move a full page load, threads newest first, and one reply
// form that the toolbar opens as a reply or as a note.
(function () {
  'use strict';

  const MAILBOX_PATH = '/mailbox/1/3';

  /** The conversations by id; agents see `number`. `demoHelpdesk.addMessage` prepends to these at run time. */
  const CONVERSATIONS = {
    512: {
      number: '388',
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      customer: { name: 'Dana Levi', email: 'dana.levi@example.com' },
      status: 'Active',
      priority: 'High',
      tags: ['sso', 'saml', 'login'],
      threads: [
        {
          type: 'customer',
          at: '2025-03-03T09:12:00.000Z',
          text: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
        },
        { type: 'message', at: '2025-03-03T09:40:00.000Z', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        {
          type: 'customer',
          at: '2025-03-03T10:05:00.000Z',
          text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?',
        },
      ],
    },
    513: {
      number: '389',
      subject: 'Account compromised: unknown logins and a data export we did not run',
      customer: { name: 'Priya Nair', email: 'priya.nair@example.com' },
      status: 'Active',
      priority: 'Urgent',
      tags: ['security', 'account-takeover'],
      threads: [
        {
          type: 'customer',
          at: '2025-03-04T22:47:00.000Z',
          text: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
        },
        { type: 'note', at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' },
      ],
    },
    514: {
      number: '390',
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      customer: { name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      status: 'Active',
      priority: 'Normal',
      tags: ['billing'],
      threads: [
        {
          type: 'customer',
          at: '2025-03-05T07:30:00.000Z',
          text: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
        },
      ],
    },
  };

  let nextThreadId = 1900;

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

  function paragraphs(text) {
    return text.split(/\n{2,}/).map((block) => h('p', null, block.split('\n').flatMap((line, index) => (index === 0 ? [line] : [h('br'), line]))));
  }

  /** FreeScout's full date, "Mar 3, 2025 09:12", in the agent's time zone. */
  function fullDate(iso) {
    const date = new Date(iso);
    const month = date.toLocaleString('en-US', { month: 'short' });
    const pad = (n) => String(n).padStart(2, '0');
    return `${month} ${date.getDate()}, ${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  function thread(conversation, message) {
    message.id ??= nextThreadId += 1;
    const who = message.type === 'customer' ? conversation.customer.name : 'Sam Carter';
    return h(
      'div',
      { class: `thread thread-type-${message.type}`, id: `thread-${message.id}`, 'data-thread_id': message.id },
      h(
        'div',
        { class: 'thread-message' },
        h(
          'div',
          { class: 'thread-header' },
          h('div', { class: 'thread-title' }, h('div', { class: 'thread-person' }, h('strong', null, h('a', { href: '#', dir: 'auto' }, who)))),
          h('div', { class: 'thread-info' }, h('a', { href: `#thread-${message.id}`, class: 'thread-date', title: fullDate(message.at) }, new Date(message.at).toLocaleDateString('en-US'))),
        ),
        h('div', { class: 'thread-body', dir: 'auto' }, paragraphs(message.text)),
      ),
    );
  }

  /** A Summernote-like editable; pastes go through the browser's own insertion. */
  function replyBlock(id, conversation) {
    const flag = h('input', { type: 'hidden', name: 'is_note', value: '' });
    const editable = h('div', { class: 'note-editable', contenteditable: 'true', role: 'textbox', dir: 'auto' }, h('p', null, h('br')));
    const send = h('button', { type: 'button', class: 'btn btn-primary btn-reply-submit' }, 'Send');
    send.addEventListener('click', () => {
      const text = editable.innerText.trim();
      if (!text) return;
      addMessage(id, text, false, { note: flag.value === '1' });
      editable.replaceChildren(h('p', null, h('br')));
    });
    const block = h(
      'div',
      { class: 'conv-block conv-reply-block conv-action-block hidden' },
      h(
        'form',
        { class: 'form-horizontal form-reply' },
        h('input', { type: 'hidden', name: 'conversation_id', value: id }),
        flag,
        h('div', { class: 'form-group conv-recipient' }, h('label', { class: 'control-label' }, 'To'), h('span', { dir: 'auto' }, `${conversation.customer.name} <${conversation.customer.email}>`)),
        h('div', { class: 'form-group conv-reply-body' }, h('textarea', { id: 'body', name: 'body', style: 'display: none' }), h('div', { class: 'note-editor note-frame' }, h('div', { class: 'note-toolbar' }), h('div', { class: 'note-editing-area' }, editable))),
      ),
      send,
    );
    const open = (note) => {
      flag.value = note ? '1' : '';
      send.textContent = note ? 'Add Note' : 'Send';
      block.classList.remove('hidden');
    };
    return { block, open };
  }

  function conversationPage(id) {
    const conversation = CONVERSATIONS[id];
    const reply = replyBlock(id, conversation);
    const replyAction = h('span', { class: 'conv-reply conv-action', title: 'Reply' }, 'Reply');
    const noteAction = h('span', { class: 'conv-add-note conv-action', title: 'Note' }, 'Note');
    replyAction.addEventListener('click', () => reply.open(false));
    noteAction.addEventListener('click', () => reply.open(true));
    const ids = Object.keys(CONVERSATIONS);
    const next = ids[(ids.indexOf(id) + 1) % ids.length];
    return h(
      'div',
      { id: 'conv-layout' },
      h(
        'div',
        { id: 'conv-layout-header' },
        h(
          'div',
          { id: 'conv-toolbar' },
          h('div', { class: 'conv-actions' }, replyAction, noteAction),
          h(
            'ul',
            { class: 'conv-info' },
            h('li', null, h('div', { class: 'btn-group', id: 'conv-status', title: `Status: ${conversation.status}` }, h('button', { type: 'button', class: 'btn btn-success dropdown-toggle conv-info-val' }, h('span', null, conversation.status), h('span', { class: 'caret' })))),
            h('li', { class: 'conv-next-prev' }, h('a', { href: `/conversation/${next}?folder_id=3`, class: 'conv-next', title: 'Older' }, 'Next conversation')),
          ),
        ),
        h(
          'div',
          { id: 'conv-subject' },
          h(
            'div',
            { class: 'conv-subj-block' },
            h(
              'div',
              { class: 'conv-subjwrap' },
              h('div', { class: 'conv-subjtext' }, h('span', { dir: 'auto' }, conversation.subject)),
              h('span', { class: 'conv-tags' }, conversation.tags.map((tag) => h('span', { class: 'tag' }, h('a', { class: 'tag-name', href: '#' }, tag)))),
              h('div', { class: 'conv-numnav' }, '# ', h('strong', null, conversation.number)),
            ),
          ),
          h('div', { id: 'conv-top-blocks' }, h('div', { class: 'conv-top-block' }, h('div', { class: 'custom-field' }, h('label', { class: 'control-label' }, 'Priority'), h('span', { class: 'custom-field-value' }, conversation.priority)))),
          reply.block,
        ),
      ),
      h(
        'div',
        { id: 'conv-layout-customer' },
        h('div', { class: 'customer-snippet' }, h('div', { class: 'customer-data' }, h('a', { href: '#', class: 'customer-name', dir: 'auto' }, conversation.customer.name), h('ul', { class: 'customer-contacts' }, h('li', { class: 'customer-email' }, h('a', { href: '#', class: 'contact-main' }, conversation.customer.email))))),
      ),
      h('div', { id: 'conv-layout-main' }, [...conversation.threads].reverse().map((message) => thread(conversation, message))),
    );
  }

  function mailboxPage() {
    return h(
      'table',
      { class: 'table-conversations table', 'data-page': '1' },
      h(
        'tbody',
        null,
        Object.entries(CONVERSATIONS).map(([id, conversation]) =>
          h(
            'tr',
            { class: 'conv-row conv-active', 'data-conversation_id': id },
            h('td', { class: 'conv-customer', dir: 'auto' }, conversation.customer.name),
            h('td', { class: 'conv-subject' }, h('a', { href: `/conversation/${id}?folder_id=3`, dir: 'auto' }, conversation.subject)),
            h('td', { class: 'conv-number' }, `#${conversation.number}`),
          ),
        ),
      ),
    );
  }

  function addMessage(conversationId, text, fromCustomer, options) {
    const id = String(conversationId);
    const conversation = CONVERSATIONS[id];
    if (!conversation) throw new Error(`No demo conversation ${id}`);
    const message = { type: fromCustomer ? 'customer' : options && options.note ? 'note' : 'message', at: new Date().toISOString(), text: String(text) };
    conversation.threads.push(message);
    if (document.body.getAttribute('data-conversation_id') === id) document.getElementById('conv-layout-main')?.prepend(thread(conversation, message));
    return message;
  }

  window.demoHelpdesk = {
    conversations: CONVERSATIONS,
    addMessage,
    open: (conversationId) => location.assign(`/conversation/${conversationId}?folder_id=3`),
  };

  const match = /\/conversation\/(\d+)/.exec(location.pathname);
  const id = match && CONVERSATIONS[match[1]] ? match[1] : null;
  if (id) {
    document.body.classList.add('body-conv');
    document.body.setAttribute('data-conversation_id', id);
    document.title = `#${CONVERSATIONS[id].number} ${CONVERSATIONS[id].subject} - ${CONVERSATIONS[id].customer.name}`;
  } else if (!location.pathname.startsWith('/mailbox/')) {
    history.replaceState({}, '', MAILBOX_PATH);
  }
  document.getElementById('page').replaceChildren(id ? conversationPage(id) : mailboxPage());
})();
