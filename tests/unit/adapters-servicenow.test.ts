// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/adapters';
import { deepRoots, inOnePass, onNestedRoot, queryAll } from '../../src/adapters/dom';
import { insertIntoEditor } from '../../src/adapters/editor';
import { ticketKey } from '../../src/adapters/page';
import { pathPattern, readPage } from '../../src/adapters/read';
import { servicenow } from '../../src/adapters/servicenow';
import { describeAdapterKit, loadFixture, showPage } from './adapters.kit';

const subject = `Can't sign in with SSO: "SAML response is invalid"`;
const thread = [
  'Do we need to upload the new certificate',
  'Checked the IdP metadata',
  'Could you send us a SAML trace',
  'Since this morning none of our staff',
];
const arabic = {
  file: 'case.html',
  id: 'CS0001234',
  subject: 'استفسار عن رسوم مكررة في فاتورة مارس',
  latestIncludes: 'لاحظت أن بطاقتي خُصمت مرتين',
  requesterName: 'ليلى حداد',
};
const expected = {
  id: 'INC0012001',
  subject,
  priority: '2 - High',
  status: 'In Progress',
  // ServiceNow prints local time without a zone, as the browser reads it.
  createdAt: new Date('2025-03-03T09:12:00').toISOString(),
  requester: { name: 'Dana Levi', email: 'dana.levi@example.com' },
};

describeAdapterKit({
  adapter: servicenow,
  dir: 'servicenow',
  ticket: {
    file: 'classic.html',
    expected: { ...expected, tags: ['sso', 'saml', 'login'] },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: thread,
    absent: ['Field changes', 'Impact', 'csrf', 'Add tag', 'Customer visible', '×'],
  },
  noTicket: 'list.html',
  loading: 'loading.html',
  loadingId: null,
  arabic,
  priorityElements: '>>> select[id$=".priority"]',
});

describeAdapterKit({
  adapter: servicenow,
  dir: 'servicenow',
  ticket: {
    file: 'workspace.html',
    expected: { ...expected, tags: [] },
    latestStartsWith: 'Here is what I found: the certificate fingerprint',
    threadOrder: thread,
    // The tab not in front holds INC0012000.
    absent: ['INC0012000', 'VPN', 'Omar', 'Customer visible', 'Post', 'Work notes'],
  },
  noTicket: 'workspace-list.html',
  loading: 'workspace-loading.html',
  loadingId: null,
  arabic,
  priorityElements: '>>> [name="priority"]',
  unsupported: ['tags'],
});

const SYS_ID = '9d385017c611228701d22104cc95c371';

describe('ServiceNow: which record is open', () => {
  it.each([
    [`https://acme.service-now.com/incident.do?sys_id=${SYS_ID}`, SYS_ID],
    [`https://acme.service-now.com/incident.do?sysparm_view=ess&sys_id=${SYS_ID}`, SYS_ID],
    [`https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D${SYS_ID}`, SYS_ID],
    [`https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${SYS_ID}%26sysparm_stack%3D`, SYS_ID],
    [`https://acme.service-now.com/now/sow/record/incident/${SYS_ID}`, SYS_ID],
    [`https://acme.service-now.com/now/cwf/agent/record/sn_customerservice_case/${SYS_ID}/params/selected-tab-index/1`, SYS_ID],
    [`https://acme.service-now.com/now/workspace/agent/record/incident/${SYS_ID}`, SYS_ID],
    ['https://acme.service-now.com/incident.do?sys_id=-1', null],
    ['https://acme.service-now.com/incident_list.do?sysparm_query=sys_id%3D9d385017c611228701d22104cc95c371', null],
    ['https://acme.service-now.com/now/sow/home', null],
  ])('%s', (href, key) => {
    expect(ticketKey(servicenow.page, new URL(href))).toBe(key);
  });

  it('is not the Service Portal on the same host', () => {
    for (const path of ['/sp?id=ticket&table=incident&sys_id=' + SYS_ID, '/csm', '/esc?id=sc_home']) {
      expect(servicenow.page.appPath.test(new URL(`https://acme.service-now.com${path}`).pathname)).toBe(false);
    }
  });

  it('names the route in a diagnostic without the sys_id or the search', () => {
    expect(pathPattern(new URL(`https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${SYS_ID}`))).toBe(
      '/now/nav/ui/classic/params/target/incident.do?sys_id=:id',
    );
    expect(pathPattern(new URL('https://acme.service-now.com/incident_list.do?sysparm_query=short_descriptionLIKEvpn'))).toBe(
      '/incident_list.do?sysparm_query=:id',
    );
  });
});

describe('ServiceNow: UI16, the classic frameset', () => {
  it.each([
    `/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D${SYS_ID}`,
    `/nav_to.do?uri=incident.do%3Fsys_id%3D${SYS_ID}%26sysparm_view%3D`,
    `/nav_to.do?uri=/incident.do?sys_id=${SYS_ID}`,
    `/nav_to.do?uri=incident.do?sys_id=${SYS_ID}`,
  ])('reads the form in iframe#gsft_main on %s', (path) => {
    loadFixture('servicenow', 'ui16.html');
    const url = new URL(`https://acme.service-now.com${path}`);
    expect(findAdapter(document, url)?.id).toBe('servicenow');
    const state = readPage(servicenow, document, url);
    if (state.state !== 'ready') throw new Error(JSON.stringify(state));
    expect(state.ticket).toMatchObject({ ...expected, tags: ['sso', 'saml', 'login'], helpdesk: 'servicenow' });
    expect(state.ticket.latestMessage.startsWith('Here is what I found: the certificate fingerprint')).toBe(true);
    expect(state.missing).toEqual([]);
  });

  it('inserts into the journal input inside the frame', () => {
    loadFixture('servicenow', 'ui16.html');
    expect(insertIntoEditor(servicenow, document, 'reply', { text: 'Upload the new certificate.' })).toEqual({ ok: true });
    expect((queryAll(document, '>>> #activity-stream-textarea')[0] as HTMLTextAreaElement).value).toBe('Hi Dana,\n\nUpload the new certificate.');
  });
});

describe('ServiceNow: following the agent', () => {
  it.each([
    ['classic.html', '/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D57af7aec73d423002728660c4cf6a71c'],
    ['ui16.html', '/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D57af7aec73d423002728660c4cf6a71c'],
  ])('never reads the previous record while the classic frame of %s still shows it', (file, path) => {
    loadFixture('servicenow', file);
    // The shell's URL already names the next record; the frame has not navigated yet.
    const state = readPage(servicenow, document, new URL(`https://acme.service-now.com${path}`));
    expect(state.state).toBe('unreadable');
    expect(JSON.stringify(state)).not.toContain('INC0012001');
  });

  it('reads the workspace tab in front after a tab switch', () => {
    const url = loadFixture('servicenow', 'workspace.html');
    const screens = queryAll(document, '>>> sn-canvas-screen') as HTMLElement[];
    screens[0]!.style.display = '';
    screens[1]!.style.display = 'none';
    const state = readPage(servicenow, document, url);
    expect(state.state === 'ready' && state.ticket.id).toBe('INC0012000');
    expect(state.state === 'ready' && state.ticket.subject).toBe('VPN drops every ten minutes');
  });

  it('calls two workspace records shown at once unreadable rather than guess', () => {
    const url = loadFixture('servicenow', 'workspace.html');
    (queryAll(document, '>>> sn-canvas-screen')[0] as HTMLElement).style.display = '';
    expect(readPage(servicenow, document, url).state).toBe('unreadable');
  });
});

describe('ServiceNow: journal inputs', () => {
  const textarea = (selector: string) => queryAll(document, `>>> ${selector}`)[0] as HTMLTextAreaElement;

  it('adds a reply after the draft in the classic comments input, and refuses a note there', () => {
    loadFixture('servicenow', 'classic.html');
    const input = textarea('#activity-stream-textarea');
    const events: string[] = [];
    input.addEventListener('input', (event) => events.push(event.type));
    expect(insertIntoEditor(servicenow, document, 'note', { text: 'Escalating' })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(insertIntoEditor(servicenow, document, 'reply', { text: 'Upload the new certificate.' })).toEqual({ ok: true });
    expect(input.value).toBe('Hi Dana,\n\nUpload the new certificate.');
    expect(events).toContain('input');
  });

  it('follows the work-notes checkbox: a reply is refused, a note goes in', () => {
    loadFixture('servicenow', 'classic.html');
    const input = textarea('#activity-stream-textarea');
    input.setAttribute('data-stream-text-input', 'work_notes');
    expect(insertIntoEditor(servicenow, document, 'reply', { text: 'Hello' })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(insertIntoEditor(servicenow, document, 'note', { text: 'Escalating to identity' })).toEqual({ ok: true });
    expect(input.value.endsWith('Escalating to identity')).toBe(true);
  });

  it('uses the matching input when both journal inputs show', () => {
    loadFixture('servicenow', 'case.html');
    expect(insertIntoEditor(servicenow, document, 'reply', { text: 'رد' })).toEqual({ ok: true });
    expect(insertIntoEditor(servicenow, document, 'note', { text: 'note' })).toEqual({ ok: true });
    expect(textarea('#activity-stream-comments-textarea').value).toBe('رد');
    expect(textarea('#activity-stream-work_notes-textarea').value).toBe('note');
  });

  it('writes into the workspace composer inside its shadow roots, never into the hidden work notes', () => {
    loadFixture('servicenow', 'workspace.html');
    const comments = textarea('[name="comments"] >>> textarea');
    const notes = textarea('[name="work_notes"] >>> textarea');
    expect(insertIntoEditor(servicenow, document, 'note', { text: 'Internal' })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(insertIntoEditor(servicenow, document, 'reply', { text: 'Please upload it.' })).toEqual({ ok: true });
    expect(comments.value).toBe('Hi Dana,\n\nPlease upload it.');
    expect(notes.value).toBe('');
  });

  it('has no editor on a list', () => {
    loadFixture('servicenow', 'list.html');
    expect(insertIntoEditor(servicenow, document, 'reply', { text: 'x' })).toEqual({ ok: false, reason: 'no-editor' });
  });
});

describe('deep queries', () => {
  it('finds matches in nested shadow roots and same-origin frames, and plain selectors stay in their tree', () => {
    loadFixture('servicenow', 'classic.html');
    expect(queryAll(document, 'iframe#gsft_main')).toHaveLength(0);
    expect(queryAll(document, '>>> iframe#gsft_main')).toHaveLength(1);
    expect(queryAll(document, '>>> #sys_readonly\\.incident\\.number')).toHaveLength(1);
    expect(queryAll(document, 'sn-polaris-layout >>> main >>> input[name="sys_uniqueValue"]')).toHaveLength(1);
    expect(queryAll(document, '>>> sn-polaris-header >>> input')).toHaveLength(0);
    expect(queryAll(document, '>>> [')).toEqual([]);
  });

  it('walks each scope once per pass', () => {
    loadFixture('servicenow', 'workspace.html');
    inOnePass(() => {
      const first = deepRoots(document);
      expect(deepRoots(document)).toBe(first);
      // Every shadow root of the fixture: the shell, the tabs and each field's components.
      expect(first.length).toBeGreaterThan(30);
    });
    expect(deepRoots(document)).not.toBe(deepRoots(document));
  });

  it('stays bounded on a page of thousands of nested shadow roots', { timeout: 10_000 }, () => {
    showPage(new URL('https://acme.service-now.com/now/sow/home'), '<html><body></body></html>');
    let parent: Element | ShadowRoot = document.body;
    for (let depth = 0; depth < 40; depth += 1) {
      const host = document.createElement('x-level');
      for (let i = 0; i < 60; i += 1) host.append(document.createElement('span'));
      parent.append(host);
      parent = host.attachShadow({ mode: 'open' });
    }
    const roots = deepRoots(document);
    expect(roots.length).toBeLessThanOrEqual(18);
  });
});

describe('nested roots for the page watcher', () => {
  it('announces each shadow root and frame document once, as deep queries reach them', () => {
    const seen: Node[] = [];
    onNestedRoot((root) => seen.push(root));
    try {
      const url = loadFixture('servicenow', 'classic.html');
      readPage(servicenow, document, url);
      readPage(servicenow, document, url);
      expect(seen.some((root) => root.nodeType === 9)).toBe(true);
      expect(seen.some((root) => root.nodeType === 11)).toBe(true);
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      onNestedRoot(null);
    }
  });
});
