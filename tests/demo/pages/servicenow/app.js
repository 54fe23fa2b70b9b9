// A stand-in for ServiceNow with the same page structure as tests/fixtures/servicenow/*.html, in three UIs:
//   /now/sow/record/<table>/<sys_id>                    Service Operations Workspace: web components in nested
//                                                        open shadow roots, one screen per record tab;
//   /now/nav/ui/classic/params/target/<table>.do?...    the Next Experience shell around iframe#gsft_main;
//   /<table>.do?sys_id=...                              a classic form (what the frame loads), with its activity
//                                                        stream and the journal input switched by "Work notes".
// Navigation is in-app (history.pushState) and the shells keep the document title in step, as the real UIs do.
(function () {
  'use strict';

  /** The records, by Number. `demoHelpdesk.addMessage` adds journal entries at run time. */
  const OWN_RECORDS = {
    INC0012001: {
      sysId: '9d385017c611228701d22104cc95c371',
      table: 'incident',
      label: 'Incident',
      subject: 'Can\'t sign in with SSO: "SAML response is invalid"',
      caller: { name: 'Dana Levi', email: 'dana.levi@example.com' },
      priority: '2 - High',
      state: 'In Progress',
      opened: '2025-03-03 09:12:00',
      tags: ['sso', 'saml', 'login'],
      description: 'Hi team,\n\nSince this morning none of our staff can sign in with single sign-on. The login page shows "SAML response is invalid" after Okta redirects back.\n\nWe changed nothing on our side. Can you help?\nDana',
      journal: [
        { author: 'Sam Carter', field: 'comments', at: '2025-03-03 09:40:00', text: 'Hi Dana, thanks for reaching out. Could you send us a SAML trace (a HAR file) from one failed attempt?' },
        { author: 'Sam Carter', field: 'work_notes', at: '2025-03-03 09:42:00', text: 'Checked the IdP metadata: the signing certificate rotated on 1 March.' },
        { author: 'Dana Levi', field: 'comments', at: '2025-03-03 10:05:00', text: 'Here is what I found: the certificate fingerprint in our Okta app changed on 1 March.\n\nDo we need to upload the new certificate on your side?' },
      ],
    },
    INC0012002: {
      sysId: '57af7aec73d423002728660c4cf6a71c',
      table: 'incident',
      label: 'Incident',
      subject: 'Account compromised: unknown logins and a data export we did not run',
      caller: { name: 'Priya Nair', email: 'priya.nair@example.com' },
      priority: '1 - Critical',
      state: 'New',
      opened: '2025-03-04 22:47:00',
      tags: ['security', 'account-takeover'],
      description: 'Urgent: our admin account shows logins from two countries we have never worked from, and last night someone ran a full customer data export.\n\nNobody on our team did this. We think the account is compromised and customer data may have leaked. Please lock the account and tell us what was accessed.',
      journal: [{ author: 'Sam Carter', field: 'work_notes', at: '2025-03-04 22:55:00', text: 'Export job 88123 ran from an IP we have never seen for this account. Looping in security on-call.' }],
    },
    CS0001234: {
      sysId: 'b7c1e2a4db5a1010c3a5f2b4ce9619d2',
      table: 'sn_customerservice_case',
      label: 'Case',
      subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
      caller: { name: 'ليلى حداد', email: 'layla.haddad@example.com' },
      priority: '3 - Moderate',
      state: 'New',
      opened: '2025-03-05 07:30:00',
      tags: ['billing'],
      description: 'مرحباً،\n\nلاحظت أن بطاقتي خُصمت مرتين مقابل اشتراك شهر مارس. أرجو استرداد المبلغ المكرر وإرسال فاتورة معدلة.\n\nشكراً،\nليلى',
      journal: [],
    },
  };

  // A classic form in the shell's frame shares the shell's records, as the real frame shares the instance.
  const RECORDS = (function shared() {
    try {
      if (window.parent !== window && window.parent.demoServiceNow) return window.parent.demoServiceNow.records;
    } catch {
      // Not the shell's frame.
    }
    return OWN_RECORDS;
  })();

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

  /** A web component with an open shadow root, as the Next Experience renders every part. */
  function shadowed(tag, attrs, ...children) {
    const host = h(tag, attrs);
    host.attachShadow({ mode: 'open' }).append(...children.flat().filter(Boolean));
    return host;
  }

  function lines(text) {
    return text.split('\n').flatMap((line, index) => (index === 0 ? [line] : [h('br'), line]));
  }

  function byNumber(number) {
    const record = RECORDS[number];
    if (!record) throw new Error(`No demo record ${number}`);
    return record;
  }

  function bySysId(sysId) {
    return Object.keys(RECORDS).find((number) => RECORDS[number].sysId === sysId) || null;
  }

  function title(number) {
    return number ? `${number} | ${RECORDS[number].label} | ServiceNow` : 'ServiceNow';
  }

  function classicPath(number) {
    const record = byNumber(number);
    return `/${record.table}.do?sys_id=${record.sysId}`;
  }

  function workspacePath(number) {
    const record = byNumber(number);
    return `/now/sow/record/${record.table}/${record.sysId}`;
  }

  function addEntry(number, text, fromCustomer, field) {
    const record = byNumber(number);
    const entry = {
      author: fromCustomer ? record.caller.name : 'Sam Carter',
      field: field || 'comments',
      at: new Date().toISOString().slice(0, 19).replace('T', ' '),
      text: String(text),
    };
    record.journal.push(entry);
    return entry;
  }

  // ---------------------------------------------------------------- classic form (the frame's document)

  function classicCard(entry) {
    const label = entry.field === 'work_notes' ? 'Work notes' : 'Additional comments';
    return h(
      'li',
      { class: `h-card h-card_md h-card_comments${entry.field === 'work_notes' ? ' work-notes' : ''}` },
      h('div', { class: 'sn-card-component sn-card-component_accent-bar' },
        h('span', { class: 'sn-card-component-createdby', dir: 'auto' }, entry.author),
        h('span', { class: 'sn-card-component-time' }, h('span', null, label), ' ', h('div', { class: 'date-calendar' }, entry.at))),
      h('div', { class: 'sn-card-component_summary' }, h('span', { class: 'sn-widget-textblock-body sn-widget-textblock-body_formatted', dir: 'auto' }, lines(entry.text))),
    );
  }

  function group(label, control) {
    return h('div', { class: 'form-group' }, h('label', { class: 'control-label' }, h('span', { class: 'label-text' }, label)), control);
  }

  function select(id, chosen) {
    return h('select', { id, name: id, class: 'form-control' }, h('option', { selected: true }, chosen));
  }

  function classicForm(number) {
    const record = byNumber(number);
    const t = record.table;
    const journal = h('textarea', { id: 'activity-stream-textarea', 'data-stream-text-input': 'comments', class: 'sn-string-textarea form-control', placeholder: 'Additional comments (Customer visible)', dir: 'auto' });
    const workNotes = h('input', { type: 'checkbox', name: 'work_notes', id: 'activity-stream-work_notes-checkbox' });
    workNotes.addEventListener('change', () => {
      journal.setAttribute('data-stream-text-input', workNotes.checked ? 'work_notes' : 'comments');
      journal.placeholder = workNotes.checked ? 'Work notes' : 'Additional comments (Customer visible)';
    });
    const post = h('button', { type: 'button', class: 'btn btn-default activity-submit' }, 'Post');
    const entries = h('ul', { class: 'h-card-wrapper activities-form' });
    const renderEntries = () => entries.replaceChildren(...[...record.journal].reverse().map(classicCard));
    post.addEventListener('click', () => {
      if (!journal.value.trim()) return;
      addEntry(number, journal.value.trim(), false, journal.getAttribute('data-stream-text-input'));
      journal.value = '';
      renderEntries();
    });
    renderEntries();
    const form = h(
      'form',
      { id: `${t}.do`, name: `${t}.do`, method: 'POST', action: `${t}.do`, class: 'form' },
      h('input', { type: 'hidden', id: 'sys_target', name: 'sys_target', value: t }),
      h('input', { type: 'hidden', id: 'sys_uniqueValue', name: 'sys_uniqueValue', value: record.sysId }),
      h('nav', { class: 'navbar' }, h('h1', { class: 'form_header navbar-title' }, `${record.label} `, h('span', null, number)), h('button', { type: 'button', id: 'sysverb_update' }, 'Update')),
      h('div', { id: 'document_tags' }, h('ul', { class: 'tagit' }, record.tags.map((tag) => h('li', { class: 'tagit-choice' }, h('span', { class: 'tagit-label' }, tag), h('a', { class: 'tagit-close' }, '×'))))),
      group('Number', h('input', { id: `sys_readonly.${t}.number`, class: 'form-control', readonly: true, value: number })),
      group(t === 'incident' ? 'Caller' : 'Contact', h('input', { id: `sys_display.${t}.${t === 'incident' ? 'caller_id' : 'contact'}`, class: 'form-control', value: record.caller.name, dir: 'auto' })),
      group('Email', h('input', { id: `sys_readonly.${t}.${t === 'incident' ? 'caller_id' : 'contact'}.email`, class: 'form-control', readonly: true, value: record.caller.email })),
      group('Opened', h('input', { id: `sys_readonly.${t}.opened_at`, class: 'form-control', readonly: true, value: record.opened })),
      group('State', select(`${t}.state`, record.state)),
      group('Priority', select(`${t}.priority`, record.priority)),
      group('Short description', h('input', { id: `${t}.short_description`, name: `${t}.short_description`, class: 'form-control', value: record.subject, dir: 'auto' })),
      group('Description', h('textarea', { id: `${t}.description`, name: `${t}.description`, class: 'form-control', dir: 'auto', value: record.description })),
      h('div', { id: 'sn_form_inline_stream_container' },
        h('div', { class: 'sn-controls row' }, h('div', { class: 'pull-right' }, h('label', null, workNotes, ' Work notes'))),
        journal, post,
        h('div', { id: 'sn_form_inline_stream_entries' }, entries)),
    );
    form.addEventListener('submit', (event) => event.preventDefault());
    return { form, renderEntries };
  }

  function classicList(table) {
    const rows = Object.keys(RECORDS).filter((number) => RECORDS[number].table === table).map((number) =>
      h('tr', null, h('td', null, h('a', { class: 'linked formlink', href: classicPath(number), 'data-number': number }, number)), h('td', { dir: 'auto' }, RECORDS[number].subject)));
    return h('table', { id: `${table}_table`, class: 'list_table' }, h('tbody', null, rows));
  }

  /** A classic page: a form or a list. In the shell's frame it keeps the shell's address and title in step. */
  function startClassic() {
    const table = /^\/(\w+?)(_list)?\.do$/.exec(location.pathname);
    const number = bySysId(new URLSearchParams(location.search).get('sys_id') || '');
    const inShell = window.parent !== window;
    document.title = title(number);
    if (table && table[2]) {
      document.body.append(classicList(table[1]));
    } else if (number) {
      const { form, renderEntries } = classicForm(number);
      document.body.append(form);
      window.demoFrame = { number, renderEntries };
    }
    if (inShell) {
      window.parent.demoServiceNow.frameLoaded(location.pathname + location.search, number);
    }
    document.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-number]');
      if (!link || event.button !== 0) return;
      event.preventDefault();
      location.assign(link.getAttribute('href'));
    });
  }

  // ---------------------------------------------------------------- Next Experience shell around the frame

  function startShell(target) {
    document.body.classList.add('shell');
    const frame = h('iframe', { id: 'gsft_main', name: 'gsft_main', title: 'Main Content', src: target });
    const headerTitle = h('div', { class: 'polaris-header-title' });
    const layout = shadowed(
      'sn-polaris-layout',
      null,
      shadowed('sn-polaris-header', null, h('header', { class: 'polaris-header' }, h('strong', null, 'ServiceNow'), headerTitle)),
      h('main', { class: 'sn-polaris-content' }, frame),
    );
    document.body.append(shadowed('macroponent-f51912f4c700201072b211d4d8c26010', { 'global-navigation-config': '{}' }, layout));
    window.demoServiceNow = {
      records: RECORDS,
      // The frame reports where it went: the shell follows with its own address and title.
      frameLoaded(path, number) {
        const shell = `/now/nav/ui/classic/params/target/${encodeURIComponent(path.slice(1))}`;
        if (location.pathname !== shell) history.pushState({}, '', shell);
        document.title = title(number);
        headerTitle.textContent = number ? `${RECORDS[number].label} - ${number}` : '';
      },
    };
    window.demoHelpdesk = {
      records: RECORDS,
      open(number) {
        frame.src = classicPath(number);
      },
      addMessage(number, text, fromCustomer) {
        const entry = addEntry(number, text, fromCustomer);
        const shown = frame.contentWindow && frame.contentWindow.demoFrame;
        if (shown && shown.number === number) shown.renderEntries();
        return entry;
      },
    };
    window.addEventListener('popstate', () => {
      frame.src = decodeURIComponent(location.pathname.replace('/now/nav/ui/classic/params/target/', '/'));
    });
  }

  // ---------------------------------------------------------------- Service Operations Workspace

  function field(name, label, value, kind) {
    if (kind === 'choice') {
      return shadowed('sn-record-choice-connected', { name }, shadowed('now-select', null, h('label', null, label), h('button', { class: 'now-select-trigger', 'aria-haspopup': 'listbox' }, value)));
    }
    if (kind === 'reference') {
      return shadowed('sn-record-reference-connected', { name }, shadowed('now-record-typeahead', null, shadowed('now-typeahead', null, h('label', null, label), h('input', { class: 'now-typeahead-native-input', value, dir: 'auto' }))));
    }
    if (kind === 'textarea') {
      return shadowed('sn-record-textarea-connected', { name }, shadowed('now-textarea', null, h('label', null, label), h('textarea', { value, dir: 'auto' })));
    }
    return shadowed('sn-record-input-connected', { name }, shadowed('now-input', null, h('label', null, label), h('input', { value, dir: 'auto', readonly: name === 'number' })));
  }

  function tile(entry) {
    return h(
      'li',
      { class: 'tile' },
      h('div', { class: 'tile-header' },
        h('span', { class: 'tile-author', dir: 'auto' }, entry.author), ' ',
        h('span', { class: 'tile-field' }, entry.field === 'work_notes' ? 'Work notes' : 'Additional comments'), ' ',
        h('time', { datetime: `${entry.at.replace(' ', 'T')}Z` }, entry.at)),
      h('div', { class: 'tile-body', dir: 'auto' }, entry.text.split(/\n{2,}/).map((block) => h('p', null, lines(block)))),
    );
  }

  function composeInput(name, placeholder, shown) {
    const area = h('textarea', { placeholder, dir: 'auto', style: 'width: 100%; min-height: 80px' });
    const control = h('div', { class: 'input-control', style: shown ? null : 'display: none' }, shadowed('sn-record-textarea-connected', { name }, shadowed('now-textarea', null, area)));
    return { control, area };
  }

  function recordScreen(number) {
    const record = byNumber(number);
    const list = h('ul', { class: 'sn-as-list' });
    const renderStream = () => list.replaceChildren(...[...record.journal].reverse().map(tile));
    renderStream();
    const comments = composeInput('comments', 'Additional comments (Customer visible)', true);
    const notes = composeInput('work_notes', 'Work notes', false);
    const commentsTab = h('button', { class: 'now-tab is-selected', 'data-itemid': 'comments', role: 'tab', 'aria-selected': 'true' }, 'Additional comments');
    const notesTab = h('button', { class: 'now-tab', 'data-itemid': 'work_notes', role: 'tab', 'aria-selected': 'false' }, 'Work notes');
    const choose = (isNotes) => {
      comments.control.style.display = isNotes ? 'none' : '';
      notes.control.style.display = isNotes ? '' : 'none';
      commentsTab.setAttribute('aria-selected', String(!isNotes));
      notesTab.setAttribute('aria-selected', String(isNotes));
    };
    commentsTab.addEventListener('click', () => choose(false));
    notesTab.addEventListener('click', () => choose(true));
    const post = h('button', { type: 'button' }, 'Post');
    post.addEventListener('click', () => {
      const isNotes = notes.control.style.display !== 'none';
      const area = isNotes ? notes.area : comments.area;
      if (!area.value.trim()) return;
      addEntry(number, area.value.trim(), false, isNotes ? 'work_notes' : 'comments');
      area.value = '';
      renderStream();
    });
    const form = shadowed(
      'now-record-form-section-column-layout',
      { slot: 'left' },
      h('div', { class: 'sn-form-column-layout-sections' }, h('section', { class: 'sn-section' },
        h('div', { class: 'sn-section-header' }, h('h2', { class: 'heading-level' }, 'Details')),
        h('div', { class: 'sn-section-form-row' },
          h('div', { class: 'sn-section-form-column' },
            field('number', 'Number', number),
            field(record.table === 'incident' ? 'caller_id' : 'contact', record.table === 'incident' ? 'Caller' : 'Contact', record.caller.name, 'reference'),
            field(`${record.table === 'incident' ? 'caller_id' : 'contact'}.email`, 'Email', record.caller.email),
            field('opened_at', 'Opened', record.opened)),
          h('div', { class: 'sn-section-form-column' },
            field('state', 'State', record.state, 'choice'),
            field('priority', 'Priority', record.priority, 'choice'))),
        h('div', { class: 'sn-section-form-row' },
          h('div', { class: 'sn-section-form-column' },
            field('short_description', 'Short description', record.subject),
            field('description', 'Description', record.description, 'textarea'))))),
    );
    const combo = shadowed(
      'now-activity-combo',
      { slot: 'right' },
      shadowed('now-activity-stream-compose-connected', null, h('div', { class: 'compose-container' },
        h('div', { class: 'input-options' }, shadowed('now-tabs', null, commentsTab, notesTab)),
        h('div', { class: 'input-wrapper' }, comments.control, notes.control),
        post)),
      shadowed('now-activity-stream-connected', null, h('div', { class: 'sn-as' }, list)),
    );
    const panes = shadowed('now-resizable-panes', { id: 'item-details_resizable_panes' },
      h('div', { class: 'left-pane', style: 'display: inline-block; vertical-align: top; width: 45%' }, h('slot', { name: 'left' })),
      h('div', { class: 'right-pane', style: 'display: inline-block; vertical-align: top; width: 50%' }, h('slot', { name: 'right' })));
    panes.append(form, combo);
    const screen = shadowed('sn-canvas-screen', { 'data-number': number }, panes);
    return { screen, renderStream };
  }

  function homeScreen() {
    const rows = Object.keys(RECORDS).map((number) =>
      h('tr', { class: 'now-list-table-row' },
        h('td', { class: 'row-cell', 'data-column-key': 'number' }, h('a', { href: workspacePath(number), 'data-number': number }, number)),
        h('td', { class: 'row-cell', 'data-column-key': 'short_description', dir: 'auto' }, RECORDS[number].subject)));
    return shadowed('sn-canvas-screen', { 'data-home': '' }, shadowed('now-record-list-connected', null, h('table', { class: 'now-list-table' }, h('tbody', null, rows))));
  }

  function startWorkspace() {
    document.body.classList.add('shell');
    const screens = {};
    const tabs = h('nav', { class: 'sn-chrome-tabs', role: 'tablist' });
    const home = homeScreen();
    const main = shadowed('sn-canvas-main', { id: 'item-wsContent' }, home);
    const content = main.shadowRoot;
    document.body.append(shadowed('macroponent-f51912f4c700201072b211d4d8c26010', { 'global-navigation-config': '{}' },
      shadowed('sn-polaris-layout', null,
        shadowed('sn-polaris-header', null, h('header', { class: 'polaris-header' }, h('strong', null, 'Service Operations Workspace'))),
        shadowed('sn-canvas-appshell-main', { id: 'item-snCanvasAppshellMain' }, tabs, main))));

    const current = () => {
      const match = /^\/now\/sow\/record\/\w+\/([0-9a-f]{32})/.exec(location.pathname);
      return match ? bySysId(match[1]) : null;
    };
    const render = () => {
      const number = current();
      if (number && !screens[number]) {
        screens[number] = recordScreen(number);
        content.append(screens[number].screen);
      }
      // Tabs not in front stay in the page, parked with display: none.
      home.style.display = number ? 'none' : '';
      for (const open of Object.keys(screens)) screens[open].screen.style.display = open === number ? '' : 'none';
      tabs.replaceChildren(
        h('a', { href: '/now/sow/home', 'data-home-link': '', role: 'tab', 'aria-selected': String(!number) }, 'List'),
        ...Object.keys(screens).map((open) => h('a', { href: workspacePath(open), 'data-number': open, role: 'tab', 'aria-selected': String(open === number) }, open)),
      );
      document.title = number ? `${number} | Service Operations Workspace` : 'Service Operations Workspace';
    };
    const navigate = (path) => {
      if (location.pathname !== path) history.pushState({}, '', path);
      render();
    };
    const follow = (event) => {
      const link = event.composedPath().find((node) => node instanceof Element && node.matches('a[data-number], a[data-home-link]'));
      if (!link || event.button !== 0) return;
      event.preventDefault();
      navigate(link.getAttribute('href'));
    };
    document.addEventListener('click', follow);
    window.addEventListener('popstate', render);
    window.demoHelpdesk = {
      records: RECORDS,
      open: (number) => navigate(workspacePath(number)),
      addMessage(number, text, fromCustomer) {
        const entry = addEntry(number, text, fromCustomer);
        if (screens[number]) screens[number].renderStream();
        return entry;
      },
    };
    render();
  }

  // ---------------------------------------------------------------- which UI this address is

  const classicTarget = /^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/.exec(location.pathname);
  if (/\.do$/.test(location.pathname)) startClassic();
  else if (classicTarget) startShell(`/${decodeURIComponent(classicTarget[1])}`);
  else {
    if (!location.pathname.startsWith('/now/sow/')) history.replaceState({}, '', '/now/sow/home');
    startWorkspace();
  }
})();
