// A stand-in for the Jira Service Management agent view with the same page structure as tests/fixtures/jira/*.html:
// a queue beside the open request, the request's description and comments, and one composer opened as
// "Reply to customer" or "Add internal note". Navigation is in-app (history.pushState), as in the real app.
(function () {
  'use strict';

  const QUEUE_PATH = '/jira/servicedesk/projects/HELP/queues/custom/1';

  /** The requests. `demoHelpdesk.addMessage` appends comments at run time. */
  const TICKETS = {
    'HELP-118': {
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      reporter: 'Dana Levi',
      priority: 'High',
      status: 'Waiting for support',
      labels: ['sso', 'saml', 'login'],
      created: '2025-03-03T09:12:00.000Z',
      description: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
      comments: [
        { author: 'Sam Carter', at: '2025-03-03T09:40:00.000Z', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        { author: 'Sam Carter', internal: true, at: '2025-03-03T09:42:00.000Z', text: 'Checked the IdP metadata: the signing certificate rotated on 1 March.' },
        { author: 'Dana Levi', at: '2025-03-03T10:05:00.000Z', text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?' },
      ],
    },
    'HELP-119': {
      subject: 'Account compromised: unknown logins and a data export we did not run',
      reporter: 'Priya Nair',
      priority: 'Highest',
      status: 'Waiting for support',
      labels: ['security', 'account-takeover', 'data-export'],
      created: '2025-03-04T22:47:00.000Z',
      description: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
      comments: [
        { author: 'Sam Carter', internal: true, at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' },
      ],
    },
    'HELP-121': {
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      reporter: 'ليلى حداد',
      priority: 'Medium',
      status: 'Open',
      labels: ['billing', 'refund'],
      created: '2025-03-05T07:30:00.000Z',
      description: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
      comments: [],
    },
  };

  let nextCommentId = 10420;

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

  /** Text with blank lines as paragraphs and single newlines as line breaks, like Atlassian's renderer. */
  function renderer(text) {
    return h(
      'div',
      { class: 'ak-renderer-document', dir: 'auto' },
      text.split(/\n{2,}/).map((block) => h('p', null, block.split('\n').flatMap((line, index) => (index === 0 ? [line] : [h('br'), line])))),
    );
  }

  function keyFromLocation() {
    const fromPath = /^\/(?:browse\/|jira\/(?:[^/]+\/)*)([A-Z][A-Z0-9_]+-\d+)(?:\/|$)/.exec(location.pathname);
    const fromQuery = new URLSearchParams(location.search).get('selectedIssue');
    const key = (fromPath && fromPath[1]) || fromQuery;
    return key && TICKETS[key] ? key : null;
  }

  function comment(item) {
    const id = item.id || (item.id = nextCommentId++);
    const testid = `issue-comment-base.ui.comment.ak-comment.${id}`;
    return h(
      'div',
      { 'data-testid': `comment-base-item-${id}`, 'data-componentid': `issue-comment-base.ui.comment.comment-in-view-wrapper.${id}` },
      h(
        'div',
        { 'data-testid': testid },
        h(
          'div',
          { 'data-testid': `${testid}-header` },
          h('a', { href: '#', dir: 'auto' }, item.author),
          item.internal ? h('span', { 'data-testid': 'issue-comment-base.ui.comment.custom-comment.internal-note-lozenge' }, 'Internal note') : null,
          h('span', { 'data-testid': 'issue-timestamp.relative-time', title: new Date(item.at).toUTCString() }, new Date(item.at).toUTCString().slice(5, 22)),
        ),
        h('div', { 'data-testid': `${testid}-body` }, renderer(item.text)),
      ),
    );
  }

  /** A ProseMirror-like editable: it takes pasted text through its own insertion and cancels the paste. */
  function editor() {
    const editable = h('div', {
      id: 'ak-editor-textarea',
      class: 'ProseMirror',
      contenteditable: 'true',
      role: 'textbox',
      'aria-label': 'Main content area, start typing to enter text.',
      'aria-multiline': 'true',
      dir: 'auto',
    }, h('p', null, h('br')));
    editable.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return editable;
  }

  function composer(key) {
    const internal = h('button', { type: 'button', 'aria-pressed': 'false' }, 'Add internal note');
    const reply = h('button', { type: 'button', 'aria-pressed': 'true' }, 'Reply to customer');
    const save = h('button', { type: 'button', 'data-testid': 'comment-save-button' }, 'Share with customer');
    const box = h('div', { 'data-testid': 'issue.activity.comment' }, h('div', { role: 'group', 'aria-label': 'Comment type' }, internal, reply), h('div', { class: 'ak-editor-content-area' }, editor()), save);
    const setMode = (isInternal) => {
      internal.setAttribute('aria-pressed', String(isInternal));
      reply.setAttribute('aria-pressed', String(!isInternal));
      box.classList.toggle('internal', isInternal);
      save.textContent = isInternal ? 'Save internal note' : 'Share with customer';
    };
    internal.addEventListener('click', () => setMode(true));
    reply.addEventListener('click', () => setMode(false));
    save.addEventListener('click', () => {
      const editable = box.querySelector('#ak-editor-textarea');
      const text = editable.innerText.trim();
      if (!text) return;
      addMessage(key, text, false, { internal: internal.getAttribute('aria-pressed') === 'true', author: 'Sam Carter' });
      editable.replaceChildren(h('p', null, h('br')));
    });
    return box;
  }

  function issueView(key) {
    const ticket = TICKETS[key];
    return h(
      'div',
      { 'data-testid': 'issue.views.issue-details.issue-layout.issue-layout' },
      h(
        'div',
        { 'data-testid': 'issue.views.issue-details.issue-layout.container-left' },
        h('div', { id: 'jira-issue-header' }, h('nav', { 'aria-label': 'Breadcrumbs' }, h('ol', null,
          h('li', null, h('a', { href: '/jira/servicedesk/projects/HELP', 'data-route': true }, 'Help Desk')),
          h('li', { 'data-testid': 'issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container' },
            h('a', { 'data-testid': 'issue.views.issue-base.foundation.breadcrumbs.current-issue.item', href: `/browse/${key}` }, h('span', null, key))),
        ))),
        h('h1', { 'data-testid': 'issue.views.issue-base.foundation.summary.heading', dir: 'auto' }, ticket.subject),
        h('div', { 'data-testid': 'issue.views.field.rich-text.description' }, h('h2', null, 'Description'), renderer(ticket.description)),
        h('div', { 'data-testid': 'issue-activity-feed.feed-display-with-intersection-observer' },
          h('h2', null, 'Activity'),
          composer(key),
          h('div', { 'data-testid': 'issue.activity.comments-list' }, [...ticket.comments].reverse().map(comment)),
        ),
      ),
      h(
        'div',
        { 'data-testid': 'issue.views.issue-details.issue-layout.container-right', class: 'details' },
        h('div', { 'data-testid': 'issue.views.issue-base.foundation.status.status-field-wrapper' },
          h('button', { 'data-testid': 'issue.fields.status.common.ui.read-view.status-lozenge.button' }, ticket.status)),
        h('h3', null, 'Reporter'),
        h('div', { 'data-testid': 'issue.views.field.user.reporter' }, h('div', { 'data-testid': 'issue.views.field.user.reporter.name.wrapper' }, h('span', { dir: 'auto' }, ticket.reporter))),
        h('h3', null, 'Priority'),
        h('div', { 'data-testid': 'issue.fields.priority.common.ui.read-view.priority' }, h('span', null, ticket.priority)),
        h('h3', null, 'Labels'),
        h('div', { 'data-testid': 'issue.views.field.labels' }, ticket.labels.map((label) => h('a', { 'data-testid': 'issue.views.field.labels.label-link', href: '#' }, label))),
        h('h3', null, 'Created'),
        h('div', { 'data-testid': 'issue.views.field.date.created' }, h('time', { datetime: ticket.created }, new Date(ticket.created).toUTCString())),
      ),
    );
  }

  function renderQueue(open) {
    document.getElementById('queue').replaceChildren(
      ...Object.keys(TICKETS).map((key) =>
        h('tr', { 'aria-selected': String(key === open) },
          h('td', null, h('a', { href: `${QUEUE_PATH}/${key}`, 'data-issue-link': key }, key)),
          h('td', { dir: 'auto' }, TICKETS[key].subject),
          h('td', { dir: 'auto' }, TICKETS[key].reporter)),
      ),
    );
  }

  function render() {
    const key = keyFromLocation();
    renderQueue(key);
    document.getElementById('main').classList.toggle('no-issue', !key);
    // Jira swaps the whole issue view when another request opens.
    document.getElementById('issue').replaceChildren(...(key ? [issueView(key)] : []));
    document.title = key ? `[${key}] ${TICKETS[key].subject} - Jira Service Management` : 'All open - Help Desk - Jira Service Management';
  }

  function navigate(path) {
    if (location.pathname + location.search !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(key, text, fromCustomer, options) {
    const ticket = TICKETS[key];
    if (!ticket) throw new Error(`No demo request ${key}`);
    const item = {
      author: (options && options.author) || (fromCustomer ? ticket.reporter : 'Sam Carter'),
      internal: Boolean(options && options.internal),
      at: new Date().toISOString(),
      text: String(text),
    };
    ticket.comments.push(item);
    if (keyFromLocation() === key) document.querySelector('[data-testid="issue.activity.comments-list"]').prepend(comment(item));
    return item;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-issue-link], a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    tickets: TICKETS,
    addMessage,
    open: (key) => navigate(`${QUEUE_PATH}/${key}`),
  };

  render();
})();
