// A stand-in for Front with the same page structure as tests/fixtures/front/*.html: a conversation list, the viewer
// with its header (subject, ticket ID, status, tags), messages and team comments, a reply composer and a separate
// comment box. The URL holds Front's conversation id; agents know the ticket ID shown in the header. Navigation is
// in-app (history.pushState).
(function () {
  'use strict';

  /** The tickets, by the id agents see. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    'CS-2210': {
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
    'CS-2211': {
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
    'CS-2212': {
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

  const VIEW_PATH = '/inboxes/teams/views/15931074';
  /** Front's own conversation ids, the key in a conversation's URL. */
  const CONVERSATION_IDS = { 'CS-2210': '7762260226', 'CS-2211': '7762260227', 'CS-2212': '7762260228' };
  const AGENT_EMAIL = 'support@acme.example';
  const shown = (iso) => new Date(iso).toUTCString().slice(5, 22);
  const pathOf = (ticketId) => `${VIEW_PATH}/open/${CONVERSATION_IDS[ticketId]}`;

  function ticketIdFromPath(pathname) {
    const match = /\/open\/(\d+)/.exec(pathname);
    return (match && Object.keys(CONVERSATION_IDS).find((key) => CONVERSATION_IDS[key] === match[1])) || null;
  }

  function message(entry, ticket) {
    if (entry.kind === 'note') {
      return h(
        'div',
        { class: 'conversationComment__StyledCommentDiv-sc-6f1c2a', role: 'article' },
        h('div', { class: 'conversationComment__StyledAuthorDiv-sc-6f1c2b', dir: 'auto' }, entry.author),
        h('time', { datetime: entry.at }, shown(entry.at)),
        h('div', { class: 'conversationComment__StyledBodyDiv-sc-6f1c2c' }, paragraphs(entry.text)),
      );
    }
    const handle = entry.kind === 'customer' ? ticket.requester.email : AGENT_EMAIL;
    return h(
      'div',
      { class: 'messageViewerBase__StyledMessageDiv-sc-11aa0e', role: 'article' },
      h('div', { class: 'messageViewerRecipient__StyledDetailsWrapperDiv-sc-22bb1f' }, h('div', { dir: 'auto' }, entry.author), h('span', { class: 'messageViewerRecipient__StyledHandleSpan-sc-33cc2a' }, `<${handle}>`)),
      h('div', { class: 'messageViewerDate__StyledDateDiv-sc-44dd3b' }, h('time', { datetime: entry.at }, shown(entry.at))),
      h('div', { class: 'messageHtml__StyledHtmlDiv-sc-55ee4c' }, paragraphs(entry.text)),
    );
  }

  /** A contenteditable that runs pasted plain text through its own insertion, as rich editors do. */
  function editable(className, label) {
    const el = h('div', { class: className, contenteditable: 'true', role: 'textbox', 'aria-label': label }, h('p', null, h('br')));
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function composer(ticketId, kind) {
    const comment = kind === 'comment';
    const box = comment
      ? h('div', { class: 'commentComposer__StyledWrapperDiv-sc-99cc7f' }, editable('commentComposer__StyledEditorDiv-sc-99cc80', 'Comment'), h('button', { type: 'button' }, 'Comment'))
      : h('div', { class: 'replyComposer__StyledComposerDiv-sc-77aa5d' }, editable('replyComposer__StyledEditorDiv-sc-77aa5e', 'Reply'), h('button', { type: 'button' }, 'Send'));
    box.querySelector('button').addEventListener('click', () => {
      const editor = box.querySelector('[contenteditable]');
      const text = editor.innerText.trim();
      if (!text) return;
      addMessage(ticketId, text, false, { note: comment });
      editor.replaceChildren(h('p', null, h('br')));
    });
    return box;
  }

  function renderConversation(ticketId) {
    const ticket = TICKETS[ticketId];
    document.getElementById('viewer').replaceChildren(
      h(
        'div',
        { class: 'viewer__StyledViewerDiv-sc-9f8e7d', 'data-testid': `viewer-${CONVERSATION_IDS[ticketId]}` },
        h(
          'div',
          { class: 'conversationHeader__StyledContainer-sc-4d5e6f' },
          h('div', { 'data-searchable-subject': 'true' }, h('span', { dir: 'auto' }, ticket.subject)),
          h('button', { type: 'button', class: 'ticketId__StyledButton-sc-aa11bb', title: 'Copy ticket ID' }, ticketId),
          h('span', { class: 'ticketStatus__StyledBadge-sc-bb22cc' }, ticket.status),
          h('div', { class: 'conversationTags__StyledListDiv-sc-cc33dd' }, ticket.tags.map((tag) => h('span', { class: 'conversationTag__StyledTag-sc-dd44aa' }, tag))),
        ),
        h('div', { class: 'viewer__StyledMessagesDiv-sc-9f8e7e' }, ticket.messages.map((entry) => message(entry, ticket))),
        composer(ticketId, 'reply'),
        composer(ticketId, 'comment'),
      ),
    );
  }

  function render() {
    const ticketId = ticketIdFromPath(location.pathname);
    document.getElementById('list').replaceChildren(
      ...Object.keys(TICKETS).map((key) => h('a', { href: pathOf(key), 'data-ticket-link': key, 'aria-current': key === ticketId ? 'true' : null, dir: 'auto' }, h('span', null, `[${key}] `), TICKETS[key].subject)),
    );
    if (ticketId) renderConversation(ticketId);
    else document.getElementById('viewer').replaceChildren(h('div', { class: 'emptyViewer__StyledDiv-sc-0c1d2e' }, 'No conversation selected'));
  }

  function navigate(path) {
    if (location.pathname !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(ticketId, text, fromCustomer, options) {
    const id = String(ticketId);
    const ticket = TICKETS[id];
    if (!ticket) throw new Error(`No demo conversation ${id}`);
    const entry = {
      author: fromCustomer ? ticket.requester.name : 'Sam Carter',
      kind: fromCustomer ? 'customer' : options && options.note ? 'note' : 'agent',
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(entry);
    if (ticketIdFromPath(location.pathname) === id) document.querySelector('[class*="viewer__StyledMessagesDiv"]').append(message(entry, ticket));
    return entry;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-ticket-link]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(pathOf(link.dataset.ticketLink));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => navigate(pathOf(ticketId)),
  };

  if (!location.pathname.startsWith('/inboxes/')) history.replaceState({}, '', VIEW_PATH);
  render();
})();
