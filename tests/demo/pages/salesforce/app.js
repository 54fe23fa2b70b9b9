// A stand-in for the Salesforce Service Console with the same page structure as tests/fixtures/salesforce/*.html:
// a console tab per opened case (the ones behind stay in the page, hidden), a detail panel rendered in native
// shadow roots, the case feed, and a publisher with an Email action and an internal Post action. Navigation is
// in-app (history.pushState), as in the real console.
(function () {
  'use strict';

  const LIST_PATH = '/lightning/o/Case/list';

  /** The cases, by CaseNumber. `demoHelpdesk.addMessage` adds feed items at run time. */
  const CASES = {
    '00002317': {
      recordId: '5005g00000ABCDEAA4',
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      contact: { name: 'Dana Levi', email: 'dana.levi@example.com' },
      priority: 'High',
      status: 'Working',
      opened: '3/3/2025, 9:12 AM',
      description: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
      feed: [
        { author: 'Sam Carter', type: 'EmailMessageEvent', at: '2025-03-03T09:40:00.000Z', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        { author: 'Sam Carter', type: 'TextPost', at: '2025-03-03T09:42:00.000Z', text: 'Checked the IdP metadata: the signing certificate rotated on 1 March.' },
        { author: 'Dana Levi', type: 'EmailMessageEvent', at: '2025-03-03T10:05:00.000Z', text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?' },
      ],
    },
    '00002318': {
      recordId: '5005g00000ABCDIAA4',
      subject: 'Account compromised: unknown logins and a data export we did not run',
      contact: { name: 'Priya Nair', email: 'priya.nair@example.com' },
      priority: 'Critical',
      status: 'New',
      opened: '3/4/2025, 10:47 PM',
      description: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
      feed: [{ author: 'Sam Carter', type: 'TextPost', at: '2025-03-04T22:55:00.000Z', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' }],
    },
    '00002319': {
      recordId: '5005g00000ABCDHAA4',
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      contact: { name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      priority: 'Medium',
      status: 'New',
      opened: '3/5/2025, 7:30 AM',
      description: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
      feed: [],
    },
  };

  /** Open console tabs by CaseNumber, in the order they were opened. */
  const openTabs = [];

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
    return text.split('\n').flatMap((line, index) => (index === 0 ? [line] : [h('br'), line]));
  }

  /** A component that renders in a native shadow root, as Lightning Web Components do under Lightning Web Security. */
  function shadowed(tag, attrs, ...shadowChildren) {
    const host = h(tag, attrs);
    host.attachShadow({ mode: 'open' }).append(...shadowChildren.flat());
    return host;
  }

  function layoutItem(label, value) {
    const item = shadowed('records-record-layout-item', { 'field-label': label }, h('dt', null, label), h('dd', null, h('slot', { name: 'outputField' })));
    value.setAttribute('slot', 'outputField');
    item.append(value);
    return item;
  }

  function formattedText(text) {
    return shadowed('lightning-formatted-text', { 'data-output-element-id': 'output-field', dir: 'auto' }, lines(text));
  }

  function caseNumberFromLocation() {
    const match = /^\/lightning\/r\/(?:Case\/)?([a-zA-Z0-9]{15,18})(?:\/|$)/.exec(location.pathname);
    return match ? Object.keys(CASES).find((number) => CASES[number].recordId === match[1]) || null : null;
  }

  function feedItem(item) {
    return h(
      'article',
      { class: 'cuf-feedElement cuf-feedItem', 'data-type': item.type },
      h('header', { class: 'cuf-feedItemHeader' },
        h('a', { class: 'cuf-entityLinkId', href: '#', dir: 'auto' }, item.author),
        item.type === 'TextPost' ? null : h('span', null, ' sent an email'),
        h('a', { class: 'cuf-timestamp', href: '#', title: new Date(item.at).toUTCString() }, new Date(item.at).toUTCString().slice(5, 22))),
      h('div', { class: 'feedBodyInner', dir: 'auto' }, item.text.split(/\n{2,}/).map((block) => h('p', null, lines(block)))),
    );
  }

  /** The rich text editor, in its own shadow root; like Quill it takes a paste through its own insertion. */
  function richText(label) {
    const editable = h('div', { class: 'ql-editor slds-rich-text-area__content', contenteditable: 'true', role: 'textbox', 'aria-label': label, dir: 'auto' }, h('p', null, h('br')));
    editable.addEventListener('paste', (event) => {
      const text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    return shadowed('lightning-input-rich-text', null, h('div', { class: 'slds-rich-text-editor' }, editable));
  }

  function publisher(number) {
    const post = h('div', { 'data-target-selection-name': 'sfdc:QuickAction.FeedItem.TextPost', style: 'display: none' },
      h('div', { class: 'ql-container' }, h('div', { class: 'ql-editor', contenteditable: 'true', 'data-placeholder': 'Share an update...' }, h('p', null, h('br')))),
      h('button', { type: 'button', class: 'share' }, 'Share'));
    const email = h('div', { 'data-target-selection-name': 'sfdc:QuickAction.Case.SendEmail' },
      h('div', { class: 'to' }, `To: ${CASES[number].contact.email}`), richText('Email body'), h('button', { type: 'button', class: 'send' }, 'Send'));
    const postTab = h('li', { role: 'tab', 'aria-selected': 'false' }, 'Post');
    const emailTab = h('li', { role: 'tab', 'aria-selected': 'true' }, 'Email');
    const choose = (isPost) => {
      post.style.display = isPost ? '' : 'none';
      email.style.display = isPost ? 'none' : '';
      postTab.setAttribute('aria-selected', String(isPost));
      emailTab.setAttribute('aria-selected', String(!isPost));
    };
    postTab.addEventListener('click', () => choose(true));
    emailTab.addEventListener('click', () => choose(false));
    return h('div', { class: 'forceChatterPublisher card' }, h('ul', { class: 'publisherTabs', role: 'tablist' }, postTab, emailTab), post, email);
  }

  function recordPage(number) {
    const record = CASES[number];
    return h(
      'one-record-home-flexipage2',
      null,
      h('records-lwc-highlights-panel', null, h('records-highlights2', null, h('div', { class: 'slds-page-header' },
        h('records-entity-label', null, 'Case'), h('h1', null, h('lightning-formatted-text', null, number))))),
      h('div', { class: 'slds-grid' },
        h('div', { class: 'card' }, h('flexipage-component2', { 'data-component-id': 'force_detailPanel' }, shadowed('records-lwc-detail-panel', null,
          h('h3', null, 'Case Information'),
          layoutItem('Case Number', formattedText(number)),
          layoutItem('Contact Name', h('force-lookup', null, h('a', { href: '#', 'data-navigation': 'enable', dir: 'auto' }, record.contact.name))),
          layoutItem('Contact Email', h('lightning-formatted-email', null, h('a', { href: `mailto:${record.contact.email}` }, record.contact.email))),
          layoutItem('Status', formattedText(record.status)),
          layoutItem('Priority', formattedText(record.priority)),
          layoutItem('Date/Time Opened', formattedText(record.opened)),
          layoutItem('Subject', formattedText(record.subject)),
          layoutItem('Description', formattedText(record.description)),
        ))),
        h('div', null, publisher(number), h('div', { class: 'cuf-feed card' }, [...record.feed].reverse().map(feedItem))),
      ),
    );
  }

  function tabPanel(number) {
    return document.querySelector(`section[data-case="${number}"]`);
  }

  function renderList() {
    const rows = Object.keys(CASES).map((number) =>
      h('tr', null, h('th', null, h('a', { href: `/lightning/r/Case/${CASES[number].recordId}/view`, 'data-case-link': number }, number)), h('td', { dir: 'auto' }, CASES[number].subject)));
    document.getElementById('list-tab').replaceChildren(h('h1', null, 'Recently Viewed Cases'), h('table', { class: 'slds-table' }, h('tbody', null, rows)));
  }

  function render() {
    const number = caseNumberFromLocation();
    if (number && !openTabs.includes(number)) {
      openTabs.push(number);
      document.querySelector('.oneConsoleTabset').append(h('section', { class: 'tabContent oneConsoleTab', role: 'tabpanel', 'data-case': number, id: `tab-${number}` }, recordPage(number)));
    }
    document.getElementById('list-tab').classList.toggle('active', !number);
    for (const panel of document.querySelectorAll('section[data-case]')) panel.classList.toggle('active', panel.dataset.case === number);
    document.getElementById('tabs').replaceChildren(
      ...openTabs.map((open) => {
        const link = h('a', { role: 'tab', href: `/lightning/r/Case/${CASES[open].recordId}/view`, 'data-case-link': open, 'aria-controls': `tab-${open}`, 'aria-selected': String(open === number), title: open }, open);
        return h('li', { role: 'presentation', class: `oneConsoleTabItem tabItem${open === number ? ' slds-is-active' : ''}` }, link);
      }),
    );
    document.title = number ? `${number} | Case | Salesforce` : 'Recently Viewed | Cases | Salesforce';
  }

  function navigate(path) {
    if (location.pathname !== path) history.pushState({}, '', path);
    render();
  }

  function addMessage(number, text, fromCustomer) {
    const record = CASES[number];
    if (!record) throw new Error(`No demo case ${number}`);
    const item = { author: fromCustomer ? record.contact.name : 'Sam Carter', type: fromCustomer ? 'EmailMessageEvent' : 'TextPost', at: new Date().toISOString(), text: String(text) };
    record.feed.push(item);
    tabPanel(number)?.querySelector('.cuf-feed').prepend(feedItem(item));
    return item;
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-case-link], a[data-route]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);

  window.demoHelpdesk = {
    cases: CASES,
    addMessage,
    open: (number) => navigate(`/lightning/r/Case/${CASES[number].recordId}/view`),
  };

  if (!caseNumberFromLocation() && location.pathname !== LIST_PATH) history.replaceState({}, '', LIST_PATH);
  renderList();
  render();
})();
