import { queryFirst } from './dom';
import { authoredByRequester, emailIn, tagText, timeText } from './readers';
import { readText } from './text';
import type { Adapter, MessageContext } from './types';

/*
 * ServiceNow, https://<instance>.service-now.com, in its two agent UIs:
 *   - classic forms: `/incident.do?sys_id=…`, `/sn_customerservice_case.do?sys_id=…`, usually inside the
 *     same-origin `iframe#gsft_main` of the UI16 frameset (`/nav_to.do?uri=…`) or of the Next Experience shell
 *     (`/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D…`, the frame itself in shadow roots);
 *   - Next Experience workspaces (Service Operations Workspace `/now/sow/record/<table>/<sys_id>`, the CSM
 *     configurable workspace `/now/cwf/agent/record/…`, the older Agent Workspace `/now/workspace/agent/record/…`):
 *     web components in nested shadow roots, one `sn-canvas-screen` per workspace tab.
 * The id agents see is the record's Number (INC0012001, CS0001234), read from the form; the URL has only the
 * sys_id, which keys the classic form.
 *
 * Where each selector was seen (public code that reads the live UIs):
 *   [ctx]      a ServiceNow context-capture content script (top frame reads `#gsft_main`'s document;
 *              `sys_readonly.incident.number`, `sys_display.incident.caller_id`, sys_id in `nav_to.do?uri=`,
 *              the tag-it label widget)
 *   [macros]   a text-expander userscript (`sys_readonly.<table>.number`, `<table>.short_description`,
 *              `#activity-stream-textarea[data-stream-text-input]`, the work-notes checkbox)
 *   [stream]   activity-stream scrapers (`#sn_form_inline_stream_entries`, `ul.activities-form > li.h-card`,
 *              `.sn-card-component-time` with the entry type, `.date-calendar`, `.sn-card-component-createdby`,
 *              `.sn-widget-textblock-body`)
 *   [dual]     a response-template userscript (`#activity-stream-comments-textarea`,
 *              `#activity-stream-work_notes-textarea` when both journal inputs show)
 *   [atf]      automated-test helpers that post classic forms (`form[name="<table>.do"]` holding
 *              `input[name="sys_uniqueValue"]`)
 *   [tables]   an assistant userscript (`#<table>.description`, `textarea[name="comments"]` and `work_notes`)
 *   [selenium] Selenium suites (`incident.state`, `incident.urgency` selects, `opened_at`)
 *   [sowcl]    a Service Operations Workspace layout extension (fields as `.sn-section-form-column > [name]`,
 *              `now-activity-stream-connected`, `now-activity-stream-compose-connected` with `comments` and
 *              `work_notes` inputs, choice fields as `now-select` with `.now-select-trigger`)
 *   [dap]      a digital-adoption script's workspace paths (`sn-polaris-layout`, `sn-canvas-main`,
 *              `sn-canvas-screen` per tab, `now-record-date-picker[name]` > `now-input` > `input`,
 *              `now-record-typeahead` > `now-typeahead` > `input`)
 * The record is thin for the workspace activity tiles: their inner markup (author, entry type, time, body) is
 * not in it, so those selectors are the likeliest to need an update, and the classic stream is read first.
 */

/** A record Number: a table prefix and digits. */
const NUMBER = /^[A-Z]{2,10}\d{4,12}$/;

/** A workspace form field by its field name, down to the native control that holds the value [sowcl] [dap]. */
const field = (name: string, control = 'input, textarea') => `>>> .sn-section-form-column > [name="${name}"] >>> ${control}`;

/** A classic form control by field name on any table: `incident.priority`, `sys_readonly.incident.priority` [macros]. */
const classic = (tag: string, name: string) => [`${tag}[id$=".${name}"]:not([id^="sys_"])`, `${tag}[id^="sys_readonly."][id$=".${name}"]`];

const ENTRY_TYPE = ['.sn-card-component-time > span', '.tile-field'];
const byAuthor = authoredByRequester(['.sn-card-component-createdby', '.tile-author']);

/** Work notes are internal; comments and e-mails are the customer's when the caller wrote them [stream]. */
function fromCustomer(item: Element, context: MessageContext): boolean | null {
  const type = ENTRY_TYPE.map((selector) => queryFirst(item, selector)).find((el) => el !== null);
  if (type && /work\s*notes?/i.test(readText(type, 100))) return false;
  return byAuthor(item, context);
}

export const servicenow: Adapter = {
  id: 'servicenow',
  name: 'ServiceNow',
  matches: ['*://*.service-now.com/*'],
  page: {
    hosts: ['.service-now.com'],
    // The agent UIs; the same hosts serve the Service Portal (/sp, /csm, /esc), which is not one.
    appPath: /^\/(?:$|now\/|[\w$]+\.do(?:$|[/?]))/,
    signature: ['iframe#gsft_main', 'sn-polaris-layout', '[global-navigation-config]', 'form[name$=".do"] input[name="sys_uniqueValue"]'], // [ctx] [dap] [atf]
    // Workspace record routes carry the table and sys_id in the path [sowcl] [dap].
    ticketPath: /^\/now\/(?:[\w-]+\/)+record\/\w+\/([0-9a-f]{32})(?:\/|$)/,
    // Classic forms name the record in the query, directly or nested in nav_to.do / the Next Experience path [ctx].
    ticketUrl: /[/=]\w+\.do\?(?:[^#]*?&)?sys_id=([0-9a-f]{32})/,
  },
  root: {
    // The classic form of the record in the URL [atf]; workspaces key nothing in their markup.
    selectors: ['>>> form:has(input[name="sys_uniqueValue"][value="{id}"])'],
    // A classic form, or the workspace tab in front [dap].
    within: '>>> form[name$=".do"], sn-canvas-screen',
  },
  fields: {
    id: {
      selectors: [...classic('input', 'number'), field('number')], // [ctx] [macros] [sowcl]
      pattern: NUMBER,
    },
    subject: {
      selectors: [...classic('input', 'short_description'), field('short_description')], // [macros] [sowcl]
    },
    requesterName: {
      selectors: [
        'input[id^="sys_display."][id$=".caller_id"]', // incident [ctx]
        'input[id^="sys_display."][id$=".contact"]', // CSM case contact, by the same naming
        'input[id^="sys_display."][id$=".requested_for"]', // [macros]
        field('caller_id'), // reference typeahead [dap]
        field('contact'),
      ],
    },
    requesterEmail: {
      // Thin record: only a dot-walked e-mail field added to the form shows it.
      selectors: [...classic('input', 'caller_id.email'), ...classic('input', 'contact.email'), field('caller_id.email'), field('contact.email')],
      read: (el) => (el.localName === 'input' ? (el as HTMLInputElement).value : emailIn(el)),
    },
    priority: {
      selectors: [...classic('select', 'priority'), field('priority', '.now-select-trigger')], // [selenium] [sowcl]
    },
    status: {
      selectors: [...classic('select', 'state'), ...classic('select', 'incident_state'), field('state', '.now-select-trigger')], // [selenium] [sowcl]
    },
    tags: {
      selectors: ['ul.tagit li.tagit-choice .tagit-label'], // the tag-it label widget [ctx]
      read: tagText,
    },
    createdAt: {
      selectors: [...classic('input', 'opened_at'), ...classic('input', 'sys_created_on'), field('opened_at')], // [selenium] [dap]
    },
    messages: {
      items: [
        // Cards that carry text: field-change cards have none [stream].
        '#sn_form_inline_stream_entries li.h-card:has(.sn-widget-textblock-body)',
        'ul.activities-form > li.h-card:has(.sn-widget-textblock-body)',
        'now-activity-stream-connected >>> .tile', // [sowcl] workspace stream; tile markup assumed
      ],
      body: ['.sn-widget-textblock-body', '.tile-body'], // [stream]
      order: 'newest-first', // the activity stream's default [stream]
      fromCustomer,
      time: (item) => {
        const time = queryFirst(item, '.date-calendar, time[datetime]'); // [stream]
        return time ? timeText(time) : null;
      },
      ignore: ['.sn-card-component-createdby', '.sn-card-component-time', '.tile-header'],
      // The caller's Description, above the stream [tables].
      opening: [...classic('textarea', 'description'), field('description', 'textarea')],
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    // One journal input switched by the work-notes checkbox, or both inputs at once [macros] [dual]; the
    // workspace composer's `comments` and `work_notes` inputs, the inactive one hidden [sowcl].
    reply: {
      selectors: [
        'textarea#activity-stream-comments-textarea',
        'textarea#activity-stream-textarea[data-stream-text-input="comments"]',
        'now-activity-stream-compose-connected >>> [name="comments"] >>> textarea',
      ],
    },
    note: {
      selectors: [
        'textarea#activity-stream-work_notes-textarea',
        'textarea#activity-stream-textarea[data-stream-text-input="work_notes"]',
        'now-activity-stream-compose-connected >>> [name="work_notes"] >>> textarea',
      ],
    },
  },
};
