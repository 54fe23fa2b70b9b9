// A stand-in for Zammad's agent desktop with the same page structure as tests/fixtures/zammad/*.html: fragment
// routes (#ticket/zoom/<internal id>), one task per opened ticket kept in the page (`.active` in front, `.hide`
// behind), the ticket loaded a moment after its task appears, and one composer switched between public reply
// and internal note by its visibility toggle.
(function () {
  'use strict';

  const OVERVIEW = '#ticket/view/my_assigned';

  /** The tickets by internal id; agents see `number`. `demoHelpdesk.addMessage` appends to these at run time. */
  const TICKETS = {
    88: {
      number: '40112',
      title: 'Can\'t sign in with SSO: "SAML response is invalid"',
      customer: { name: 'Dana Levi', email: 'dana.levi@example.com' },
      state: 'open',
      priority: '3 high',
      tags: ['sso', 'saml', 'login'],
      createdAt: '2025-03-03T09:12:00.000Z',
      articles: [
        {
          sender: 'customer',
          at: '2025-03-03T09:12:00.000Z',
          text: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
        },
        { sender: 'agent', at: '2025-03-03T09:40:00.000Z', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        {
          sender: 'customer',
          at: '2025-03-03T10:05:00.000Z',
          text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?',
        },
      ],
    },
    89: {
      number: '40113',
      title: 'Account compromised: unknown logins and a data export we did not run',
      customer: { name: 'Priya Nair', email: 'priya.nair@example.com' },
      state: 'open',
      priority: '3 high',
      tags: ['security', 'account-takeover', 'data-export'],
      createdAt: '2025-03-04T22:47:00.000Z',
      articles: [
        {
          sender: 'customer',
          at: '2025-03-04T22:47:00.000Z',
          text: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
        },
        { sender: 'agent', internal: true, at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' },
      ],
    },
    90: {
      number: '40114',
      title: 'استفسار عن رسوم مكررة في فاتورة مارس',
      customer: { name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      state: 'new',
      priority: '2 normal',
      tags: ['billing', 'refund'],
      createdAt: '2025-03-05T07:30:00.000Z',
      articles: [
        {
          sender: 'customer',
          at: '2025-03-05T07:30:00.000Z',
          text: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
        },
      ],
    },
  };

  /** Per ticket: whether the composer is set to internal note. */
  const internal = {};
  let nextArticleId = 300;

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

  /** Zammad's rich text: a `div` per line, an empty one between paragraphs. */
  function richText(text) {
    return text.split('\n').map((line) => h('div', null, line || h('br')));
  }

  function time(iso) {
    return h('time', { class: 'humanTimeFromNow', datetime: iso, title: new Date(iso).toLocaleString('en-GB') }, new Date(iso).toLocaleDateString('en-GB'));
  }

  function article(id, ticket, message) {
    message.id ??= nextArticleId += 1;
    const from = message.sender === 'customer' ? `${ticket.customer.name} <${ticket.customer.email}>` : 'Sam Carter <support@example.com>';
    return h(
      'div',
      { class: `ticket-article-item ${message.sender}${message.internal ? ' is-internal' : ''}`, 'data-id': message.id, id: `article-${message.id}` },
      h('div', { class: 'article-meta-clip top' }, h('div', { class: 'article-content-meta top hide' }, h('div', { class: 'article-meta top' }, h('div', { class: 'horizontal article-meta-row' }, h('div', { class: 'article-meta-key' }, 'From'), h('div', { class: 'article-meta-value' }, from))))),
      h(
        'div',
        { class: 'article-content' },
        h('div', { class: 'bubble-gap' }, h('div', { class: 'internal-border' }, h('div', { class: 'textBubble' }, h('div', { class: 'textBubble-content', 'data-id': message.id }, h('div', { class: 'richtext-content', dir: 'auto' }, richText(message.text)))))),
      ),
      h('a', { href: `#ticket/zoom/${id}/${message.id}` }, h('small', { class: 'task-subline' }, time(message.at))),
    );
  }

  /** An editable that takes pasted plain text through its own insertion and cancels the paste, as Zammad's does. */
  function composer(id) {
    const body = h('div', { class: 'articleNewEdit-body js-textarea richtext-content', contenteditable: 'true', 'data-name': 'body', dir: 'auto' });
    body.innerHTML = '<div><br></div>';
    body.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    const flag = h('input', { type: 'hidden', name: 'internal', value: internal[id] ? 'true' : 'false' });
    const toggle = h('div', { class: 'btn btn--action js-toggleVisibility' }, internal[id] ? 'internal' : 'public');
    toggle.addEventListener('click', () => {
      internal[id] = !internal[id];
      flag.value = internal[id] ? 'true' : 'false';
      toggle.textContent = internal[id] ? 'internal' : 'public';
    });
    return h('div', { class: 'article-new' }, h('form', { class: 'article-add' }, h('input', { type: 'hidden', name: 'type', value: 'email' }), flag, h('div', { class: 'article-attachment' }, toggle), body));
  }

  function select(name, options, chosen) {
    return h('select', { class: 'form-control', name }, options.map((option, index) => h('option', { value: index + 1, selected: option === chosen }, option)));
  }

  function zoom(id) {
    const ticket = TICKETS[id];
    return h(
      'div',
      { class: 'tabsSidebar-holder' },
      h(
        'div',
        { class: 'main no-padding flex' },
        h(
          'div',
          { class: 'ticketZoom' },
          h(
            'div',
            { class: 'ticketZoom-header' },
            h('div', { class: 'js-ticketTitleContainer ticket-title' }, h('div', { contenteditable: 'true', class: 'ticket-title-update js-objectTitle', dir: 'auto' }, ticket.title)),
            h('div', { class: 'js-ticketMetaContainer' }, h('small', { class: 'task-subline' }, 'Ticket# ', h('span', { class: 'ticket-number js-objectNumber', 'data-number': `Ticket#${ticket.number}` }, ticket.number), ' - created ', time(ticket.createdAt))),
          ),
          h('div', { class: 'ticket-article' }, ticket.articles.map((message) => article(id, ticket, message))),
          composer(id),
        ),
      ),
      h(
        'div',
        { class: 'tabsSidebar vertical' },
        h(
          'div',
          { class: 'sidebar', 'data-tab': 'ticket' },
          h(
            'div',
            { class: 'sidebar-content' },
            h('div', { class: 'form-group', 'data-attribute-name': 'state_id' }, h('label', null, 'State'), select('state_id', ['new', 'open', 'pending reminder', 'closed'], ticket.state)),
            h('div', { class: 'form-group', 'data-attribute-name': 'priority_id' }, h('label', null, 'Priority'), select('priority_id', ['1 low', '2 normal', '3 high'], ticket.priority)),
            h('div', { class: 'tags' }, h('label', null, 'Tags'), h('ul', { class: 'list list--sidebar' }, ticket.tags.map((tag) => h('li', { class: 'list-item' }, h('a', { href: '#', class: 'list-item-name js-tag' }, tag))))),
          ),
        ),
        h(
          'div',
          { class: 'sidebar', 'data-tab': 'customer' },
          h(
            'div',
            { class: 'sidebar-content' },
            h('div', { class: 'sidebar-block' }, h('h3', { title: 'Name', dir: 'auto' }, ticket.customer.name)),
            h('div', { class: 'sidebar-block' }, h('label', null, 'Email'), h('a', { href: `mailto:${ticket.customer.email}` }, ticket.customer.email)),
          ),
        ),
      ),
    );
  }

  function overview() {
    return h(
      'div',
      { class: 'main flex vertical overview-table' },
      h('h1', null, 'My Assigned Tickets'),
      h('table', null, h('tbody', null, Object.entries(TICKETS).map(([id, ticket]) => h('tr', { class: 'item', 'data-id': id }, h('td', null, h('a', { href: `#ticket/zoom/${id}` }, ticket.number)), h('td', { dir: 'auto' }, h('a', { href: `#ticket/zoom/${id}` }, ticket.title)))))),
    );
  }

  function task(key, build) {
    let el = document.getElementById(`content_permanent_${key}`);
    if (!el) {
      el = h('div', { id: `content_permanent_${key}`, class: 'content horizontal flex' }, h('div', { class: 'loading' }, 'Loading…'));
      document.getElementById('app').append(el);
      // The task shows at once; the ticket arrives from the server a moment later.
      setTimeout(() => el.replaceChildren(build()), 150);
    }
    return el;
  }

  function showTask(active) {
    for (const el of document.querySelectorAll('.content[id^="content_permanent_"]')) {
      el.classList.toggle('active', el === active);
      el.classList.toggle('hide', el !== active);
    }
  }

  function renderNavigation() {
    const tasks = document.querySelector('.tasks');
    const open = Array.from(document.querySelectorAll('[id^="content_permanent_Ticket-"]')).map((el) => el.id.replace('content_permanent_Ticket-', ''));
    tasks.replaceChildren(...open.map((id) => h('a', { class: `task${location.hash.startsWith(`#ticket/zoom/${id}`) ? ' is-active' : ''}`, href: `#ticket/zoom/${id}`, dir: 'auto' }, TICKETS[id].title)));
  }

  function route() {
    const match = /^#ticket\/zoom\/(\d+)/.exec(location.hash);
    const id = match && TICKETS[match[1]] ? match[1] : null;
    showTask(id ? task(`Ticket-${id}`, () => zoom(id)) : task('TicketOverview', overview));
    renderNavigation();
    document.title = id ? `${TICKETS[id].title} - Zammad` : 'My Assigned Tickets - Zammad';
  }

  function addMessage(ticketId, text, fromCustomer) {
    const id = String(ticketId);
    const ticket = TICKETS[id];
    if (!ticket) throw new Error(`No demo ticket ${id}`);
    const message = { sender: fromCustomer ? 'customer' : 'agent', at: new Date().toISOString(), text: String(text) };
    ticket.articles.push(message);
    document.querySelector(`#content_permanent_Ticket-${id} .ticket-article`)?.append(article(id, ticket, message));
    return message;
  }

  window.addEventListener('hashchange', route);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (ticketId) => {
      location.hash = `#ticket/zoom/${ticketId}`;
    },
  };

  if (!location.hash) history.replaceState({}, '', OVERVIEW);
  route();
})();
