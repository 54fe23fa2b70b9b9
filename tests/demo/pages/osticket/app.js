// A stand-in for osTicket's staff panel with the same page structure as tests/fixtures/osticket/*.html: the queue
// and the ticket view at /scp/tickets.php, links followed by PJAX (the new URL pushed, `#pjax-container`
// replaced a moment later), the thread oldest first, and separate reply and internal-note forms behind tabs.
(function () {
  'use strict';

  const QUEUE = 'tickets.php?queue=1';

  /** The tickets by internal id; agents see `number`. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    19: {
      number: '301744',
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      user: { name: 'Dana Levi', email: 'dana.levi@example.com' },
      status: 'Open',
      priority: 'High',
      entries: [
        {
          type: 'message',
          at: '2025-03-03T09:12:00.000Z',
          text: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
        },
        { type: 'response', at: '2025-03-03T09:40:00.000Z', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        {
          type: 'message',
          at: '2025-03-03T10:05:00.000Z',
          text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?',
        },
      ],
    },
    20: {
      number: '301745',
      subject: 'Account compromised: unknown logins and a data export we did not run',
      user: { name: 'Priya Nair', email: 'priya.nair@example.com' },
      status: 'Open',
      priority: 'Emergency',
      entries: [
        {
          type: 'message',
          at: '2025-03-04T22:47:00.000Z',
          text: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
        },
        { type: 'note', at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' },
      ],
    },
    21: {
      number: '301746',
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      user: { name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      status: 'Open',
      priority: 'Normal',
      entries: [
        {
          type: 'message',
          at: '2025-03-05T07:30:00.000Z',
          text: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
        },
      ],
    },
  };

  let nextEntryId = 100;

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

  /** osTicket's default "m/d/Y g:i a" in the agent's time zone. */
  function printed(iso) {
    const date = new Date(iso);
    const pad = (n) => String(n).padStart(2, '0');
    const hours = date.getHours() % 12 || 12;
    return `${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${date.getFullYear()} ${hours}:${pad(date.getMinutes())} ${date.getHours() < 12 ? 'am' : 'pm'}`;
  }

  function entry(ticket, item) {
    item.id ??= nextEntryId += 1;
    const who = item.type === 'message' ? ticket.user.name : 'Sam Carter';
    return h(
      'div',
      { id: `thread-entry-${item.id}` },
      h(
        'div',
        { class: `thread-entry ${item.type}` },
        h('div', { class: 'header' }, h('b', { dir: 'auto' }, who), ' posted ', h('a', { name: `entry-${item.id}`, href: `#entry-${item.id}` }, h('time', { datetime: item.at, title: printed(item.at) }, printed(item.at)))),
        h('div', { class: 'thread-body no-pjax' }, h('div', { dir: 'auto' }, paragraphs(item.text)), h('div', { class: 'clear' })),
      ),
    );
  }

  /** A Redactor-like editable: it takes pasted plain text through its own insertion and cancels the paste. */
  function redactor() {
    const el = h('div', { class: 'redactor-styles redactor-in', contenteditable: 'true', dir: 'auto' }, h('p', null, h('br')));
    el.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return el;
  }

  function responseForms(id) {
    const reply = h('form', { id: 'reply', class: 'tab_content', name: 'reply' }, h('input', { type: 'hidden', name: 'a', value: 'reply' }), h('textarea', { name: 'response', id: 'response', style: 'display: none' }), h('div', { class: 'redactor-box' }, redactor()));
    const note = h('form', { id: 'note', class: 'tab_content', name: 'note', style: 'display: none' }, h('input', { type: 'hidden', name: 'a', value: 'postnote' }), h('textarea', { name: 'note', id: 'internal_note', style: 'display: none' }), h('div', { class: 'redactor-box' }, redactor()));
    const tabs = h('ul', { class: 'tabs', id: 'response-tabs' });
    for (const [form, label, tabId] of [
      [reply, 'Post Reply', 'post-reply-tab'],
      [note, 'Post Internal Note', 'post-note-tab'],
    ]) {
      const link = h('a', { href: `#${form.id}`, id: tabId }, label);
      const item = h('li', { class: form === reply ? 'active' : null }, link);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        for (const other of tabs.children) other.classList.toggle('active', other === item);
        reply.style.display = form === reply ? '' : 'none';
        note.style.display = form === note ? '' : 'none';
      });
      tabs.append(item);
    }
    return h('div', { class: 'sticky bar stop actions', id: 'response_options', 'data-ticket': id }, tabs, reply, note);
  }

  function info(rows) {
    return h('table', { class: 'ticket_info' }, h('tbody', null, rows.map(([label, value]) => h('tr', null, h('th', null, `${label}:`), h('td', { dir: 'auto' }, value)))));
  }

  function ticketView(id) {
    const ticket = TICKETS[id];
    return [
      h('div', null, h('div', { class: 'sticky bar' }, h('div', { class: 'content' }, h('div', { class: 'flush-left' }, h('h2', null, h('a', { href: `tickets.php?id=${id}`, title: 'Reload', 'data-pjax': true }, `Ticket #${ticket.number}`)))))),
      h('div', { class: 'clear tixTitle has_bottom_border' }, h('h3', { dir: 'auto' }, ticket.subject)),
      info([
        ['Status', ticket.status],
        ['Priority', ticket.priority],
        ['Create Date', printed(ticket.entries[0].at)],
      ]),
      h('table', { class: 'ticket_info' }, h('tbody', null, h('tr', null, h('th', null, 'User:'), h('td', null, h('span', { id: `user-${id}-name`, dir: 'auto' }, ticket.user.name))), h('tr', null, h('th', null, 'Email:'), h('td', null, h('span', { id: `user-${id}-email` }, ticket.user.email))))),
      h('div', { id: 'ticket_thread', class: 'tab_content' }, h('div', { id: 'ticketThread' }, h('div', { id: 'thread-items' }, ticket.entries.map((item) => entry(ticket, item))))),
      responseForms(id),
    ];
  }

  function queue() {
    return h(
      'form',
      { id: 'tickets' },
      h('table', { class: 'list queue tickets' }, h('tbody', null, Object.entries(TICKETS).map(([id, ticket]) => h('tr', { id }, h('td', null, h('a', { href: `tickets.php?id=${id}`, 'data-pjax': true }, ticket.number)), h('td', null, h('a', { href: `tickets.php?id=${id}`, 'data-pjax': true, dir: 'auto' }, ticket.subject)), h('td', { dir: 'auto' }, ticket.user.name))))),
    );
  }

  function ticketIdFromUrl() {
    const id = new URLSearchParams(location.search).get('id');
    return id && TICKETS[id] ? id : null;
  }

  function render() {
    const id = ticketIdFromUrl();
    const nav = h('ul', { id: 'nav' }, h('li', { class: 'active' }, h('a', { href: QUEUE, 'data-pjax': true }, 'Tickets')));
    document.getElementById('pjax-container').replaceChildren(nav, h('div', { id: 'content' }, id ? ticketView(id) : queue()));
    document.title = id ? `Ticket #${TICKETS[id].number}` : 'Open Tickets';
  }

  /** PJAX: the URL changes at once, the container when the server's answer arrives. */
  function navigate(href) {
    history.pushState({}, '', href);
    setTimeout(render, 120);
  }

  function addMessage(ticketId, text, fromCustomer) {
    const id = String(ticketId);
    const ticket = TICKETS[id];
    if (!ticket) throw new Error(`No demo ticket ${id}`);
    const item = { type: fromCustomer ? 'message' : 'response', at: new Date().toISOString(), text: String(text) };
    ticket.entries.push(item);
    if (ticketIdFromUrl() === id) document.getElementById('thread-items')?.append(entry(ticket, item));
    return item;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-pjax]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => navigate(`tickets.php?id=${ticketId}`),
  };

  if (!ticketIdFromUrl() && !location.search) history.replaceState({}, '', QUEUE);
  render();
})();
