// A stand-in for the Gorgias helpdesk with the same page structure as tests/fixtures/gorgias/*.html: the ticket
// header (subject, status, "ID: <id>", tags), priority, the messages, a reply area whose channel picker makes it an
// internal note, and the customer panel. Tickets open at /app/ticket/<id> or inside a view at /app/views/<view>/<id>.
// Navigation is in-app (history.pushState).
(function () {
  'use strict';

  /** The tickets, by the id agents see. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    118273645: {
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
    118273646: {
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
    118273647: {
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

  const VIEW_PATH = '/app/views/1384557';
  const shown = (iso) => new Date(iso).toUTCString().slice(5, 22);

  function ticketIdFromPath(pathname) {
    const match = /^\/app\/(?:ticket|views\/\d+)\/(\d+)/.exec(pathname);
    return match && TICKETS[match[1]] ? match[1] : null;
  }

  function message(entry) {
    const note = entry.kind === 'note';
    return h(
      'div',
      { class: `TicketMessage__container--9fZx1${note ? ' TicketMessage__internal--3kLm2' : ''}` },
      h(
        'div',
        { class: 'MessageHeader__container--4tYu8' },
        h('span', { class: entry.kind === 'customer' ? 'CustomerLabel__label--7hQw1' : 'AgentLabel__label--2pXs9', dir: 'auto' }, entry.author),
        note ? h('span', { class: 'MessageHeader__internalNote--1aB2c' }, 'Internal note') : null,
        h('time', { datetime: entry.at }, shown(entry.at)),
      ),
      h('div', { class: 'MessageBody__container--6gHj3' }, h('div', { class: 'MessageContent__content--8kLz4' }, paragraphs(entry.text))),
    );
  }

  /** A contenteditable that, like Draft.js, runs pasted plain text through its own insertion. */
  function editable() {
    const el = h('div', { class: 'public-DraftEditor-content', contenteditable: 'true', role: 'textbox' }, h('p', null, h('br')));
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function replyArea(ticketId) {
    const label = h('button', { type: 'button', 'aria-haspopup': 'listbox' }, 'Email');
    const area = h(
      'div',
      { class: 'TicketReplyArea__container--5vBn7' },
      h('div', { class: 'ChannelSelect__container--2cVb8' }, label),
      h('div', { class: 'DraftEditor-root' }, h('div', { class: 'DraftEditor-editorContainer' }, editable())),
      h('div', { class: 'TicketSubmitButtons__container--7nMq2' }, h('button', { type: 'button', class: 'send' }, 'Send')),
    );
    label.addEventListener('click', () => {
      label.textContent = label.textContent === 'Email' ? 'Internal note' : 'Email';
      area.classList.toggle('TicketReplyArea__internal--9pLk1', label.textContent === 'Internal note');
    });
    area.querySelector('.send').addEventListener('click', () => {
      const editor = area.querySelector('.public-DraftEditor-content');
      const text = editor.innerText.trim();
      if (!text) return;
      addMessage(ticketId, text, false, { note: label.textContent === 'Internal note' });
      editor.replaceChildren(h('p', null, h('br')));
    });
    return area;
  }

  function renderTicket(ticketId) {
    const ticket = TICKETS[ticketId];
    const subject = h('input', { 'aria-label': 'Ticket subject', dir: 'auto' });
    subject.value = ticket.subject;
    document.getElementById('detail').replaceChildren(
      h(
        'div',
        { class: 'TicketDetailContainer__container--1qWe2' },
        h(
          'div',
          { class: 'TicketHeader__container--3eRt4' },
          h(
            'header',
            { class: 'TicketHeader__header--5tYu6' },
            h('div', { class: 'TicketHeader__subjectWrapper--7uIo8' }, h('div', { class: 'TicketHeader__subject--9oPa0' }, subject), h('span', { class: 'TicketStatus__status--1aSd2' }, ticket.status)),
            h('p', { class: 'TicketHeader__ticketId--3dFg4' }, `ID: ${ticketId}`),
          ),
          h('div', { class: 'TicketHeader__tagsAndAssignee--5gHj6' }, h('div', { class: 'TicketTags__container--7jKl8' }, ticket.tags.map((tag) => h('span', { class: 'TicketTags__tag--6yUi7' }, tag, h('button', { type: 'button', 'aria-label': 'Remove tag' }, '×'))))),
        ),
        h('div', { class: 'TicketFields__container--9kLz0' }, h('div', { class: 'TicketPriority__container--2zXc3' }, h('span', { class: 'TicketPriority__label--4xCv5' }, ticket.priority))),
        h('div', { class: 'TicketBody__container--6cVb7' }, ticket.messages.map(message)),
        replyArea(ticketId),
      ),
      h(
        'aside',
        { class: 'Infobar__container--8uIo9' },
        h('div', { class: 'CustomerInfo__container--0bNm1' }, h('span', { class: 'CustomerInfo__name--2nMq3', dir: 'auto' }, ticket.requester.name), ' ', h('a', { class: 'CustomerInfo__email--4mQw5', href: `mailto:${ticket.requester.email}` }, ticket.requester.email)),
      ),
    );
  }

  function render() {
    const ticketId = ticketIdFromPath(location.pathname);
    if (ticketId) renderTicket(ticketId);
    else {
      document.getElementById('detail').replaceChildren(
        h('table', { class: 'TicketTable__table--2rTy3' }, Object.keys(TICKETS).map((key) => h('tr', null, h('td', null, h('a', { href: `${VIEW_PATH}/${key}`, 'data-ticket-link': key, dir: 'auto' }, TICKETS[key].subject))))),
      );
    }
    document.title = ticketId ? `${TICKETS[ticketId].subject} - Gorgias` : 'Open tickets - Gorgias';
  }

  function navigate(path) {
    if (location.pathname !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(ticketId, text, fromCustomer, options) {
    const id = String(ticketId);
    const ticket = TICKETS[id];
    if (!ticket) throw new Error(`No demo ticket ${id}`);
    const entry = {
      author: fromCustomer ? ticket.requester.name : 'Sam Carter',
      kind: fromCustomer ? 'customer' : options && options.note ? 'note' : 'agent',
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.messages.push(entry);
    if (ticketIdFromPath(location.pathname) === id) document.querySelector('[class*="TicketBody__container"]').append(message(entry));
    return entry;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-ticket-link], a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.dataset.ticketLink ? `${VIEW_PATH}/${link.dataset.ticketLink}` : link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => navigate(`/app/ticket/${ticketId}`),
  };

  if (!location.pathname.startsWith('/app/')) history.replaceState({}, '', VIEW_PATH);
  render();
})();
