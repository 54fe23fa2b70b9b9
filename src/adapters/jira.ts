import { isShown, queryAll, queryFirst } from './dom';
import { authoredByRequester, emailIn, headingText, tagText, timeText } from './readers';
import { readText } from './text';
import { rootAttributeTheme } from './theme';
import type { Adapter, ComposerMode } from './types';

/*
 * Jira Service Management, the agent's view of a request on https://<site>.atlassian.net: `/browse/HELP-118`,
 * `/jira/servicedesk/projects/HELP/queues/custom/1/HELP-118`, `/jira/servicedesk/projects/HELP/issues/HELP-118`,
 * the same routes of sites not yet moved under `/jira` (`/projects/HELP/queues/custom/1/HELP-118`,
 * `/servicedesk/projects/HELP/queues/custom/1/HELP-118`, which links and bookmarks still carry), or a queue with
 * `?selectedIssue=HELP-118`. The id is the issue key, never the numeric issue id.
 *
 * Where each selector was seen (public code that reads the live issue view):
 *   [copier]   a ticket-copier extension and branch-name userscripts (summary heading, breadcrumb
 *              `current-issue.item` link and its key, status button)
 *   [export]   issue exporters (`issue.views.field.rich-text.description`, `issue.views.field.user.reporter`,
 *              `issue.views.field.labels.label-link`, `issue.fields.priority.common.ui.read-view.priority`,
 *              `issue.fields.status.common.ui.read-view.status-lozenge.button`)
 *   [fields]   a field map of the issue view (`issue.views.field.select.priority`, `issue.views.field.date.created`,
 *              `issue.views.field.priority.priority`)
 *   [layout]   layout userscripts (`issue.views.issue-details.issue-layout.issue-layout`, `…compact-layout`)
 *   [comments] comment userscripts and notes (`issue.activity.comments-list` > `comment-base-item-<id>` >
 *              `issue-comment-base.ui.comment.ak-comment.<id>` with `-header`, `-body`, `-footer`;
 *              `issue-timestamp.relative-time`; `…custom-comment.restricted-to` on restricted comments;
 *              the composer `issue.activity.comment` with the `#ak-editor-textarea` ProseMirror editor)
 *   [jsm]      a Jira Service Management agents' userscript (the composer opened by "Add internal note" or
 *              "Reply to customer", the same `#ak-editor-textarea` for both)
 *   [tokens]   Atlassian's design tokens (`@atlaskit/tokens`: `COLOR_MODE_ATTRIBUTE = 'data-color-mode'`, set on
 *              the root element to the resolved `light` or `dark`)
 * The record is thin for how an internal note is marked in the conversation and in the open composer, and for
 * the customer's e-mail (the issue view shows the reporter's name): those read several signs, and an unknown
 * composer mode never receives a note.
 */

const COMPOSER = '[data-testid="issue.activity.comment"]';
const EDITOR = [`${COMPOSER} #ak-editor-textarea`, `${COMPOSER} .ProseMirror[contenteditable="true"]`];

/** Markers of an internal note in the conversation [comments] and in the open composer [jsm]. */
const INTERNAL = ['[data-testid="issue-comment-base.ui.comment.custom-comment.restricted-to"]', '[data-testid*="internal-note" i]'];

/**
 * One composer serves both: "Add internal note" opens it as a note, "Reply to customer" as a reply [jsm]. The
 * open composer says which by a marker or by its pressed or selected choice; anything else is unknown.
 */
function composerMode(root: Element): ComposerMode | null {
  const composer = queryAll(root, COMPOSER).find(isShown);
  if (!composer) return null;
  if (INTERNAL.some((selector) => queryAll(composer, selector).some(isShown))) return 'internal';
  const chosen = queryAll(composer, '[aria-pressed="true"], [aria-selected="true"], [aria-checked="true"]').find(isShown);
  const label = chosen ? `${chosen.getAttribute('aria-label') ?? ''} ${readText(chosen, 100)}` : '';
  if (/internal|note/i.test(label)) return 'internal';
  if (/reply|customer|share/i.test(label)) return 'public';
  return null;
}

export const jira: Adapter = {
  id: 'jira',
  name: 'Jira Service Management',
  matches: ['*://*.atlassian.net/*'],
  page: {
    hosts: ['.atlassian.net'],
    // The same hosts serve Confluence (/wiki) and the customer portal (/servicedesk/customer).
    appPath: /^\/(?:browse|jira|projects|servicedesk(?!\/customer(?:\/|$)))\//,
    signature: ['#jira-frontend', '[data-testid="issue.views.issue-base.foundation.summary.heading"]'], // [copier]
    ticketPath: /^\/(?:browse\/|(?:jira|projects|servicedesk(?!\/customer(?:\/|$)))\/(?:[^/]+\/)*)([A-Z][A-Z0-9_]+-\d+)(?:\/|$)/,
    ticketUrl: /[?&]selectedIssue=([A-Z][A-Z0-9_]+-\d+)(?:[&#]|$)/,
  },
  root: {
    // The breadcrumb of the issue in the URL links to it [copier]: a queue's issue panel or a modal of another
    // issue does not match.
    selectors: ['[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"][href$="/{id}"]'],
    within: [
      '[data-testid="issue.views.issue-details.issue-layout.issue-layout"]', // [layout]
      '[data-testid="issue.views.issue-details.issue-layout.compact-layout"]', // [layout]
      '[role="dialog"]',
    ].join(', '),
  },
  fields: {
    subject: {
      selectors: [
        'h1[data-testid="issue.views.issue-base.foundation.summary.heading"]', // [copier]
        '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
        'h1#summary-val', // [export] older issue view
      ],
      read: headingText,
    },
    requesterName: {
      selectors: [
        '[data-testid="issue.views.field.user.reporter.name.wrapper"]', // [export]
        '[data-testid="issue.views.field.user.reporter"] [data-testid$="name.wrapper"]',
        '[data-testid="issue.views.field.user.reporter"]', // [export]
        '#reporter-val', // [export] older issue view
      ],
    },
    requesterEmail: {
      // Thin record: a link or tooltip on the reporter, where the site shows one.
      selectors: ['[data-testid="issue.views.field.user.reporter"] a[href^="mailto:"]', '[data-testid="issue.views.field.user.reporter"] [title*="@"]'],
      read: emailIn,
    },
    priority: {
      selectors: [
        '[data-testid="issue.fields.priority.common.ui.read-view.priority"]', // [export]
        '[data-testid="issue.views.field.priority.priority"]', // [fields]
        '[data-testid="issue.views.field.select.priority"]', // [fields]
        '#priority-val', // [export] older issue view
      ],
    },
    status: {
      selectors: [
        '[data-testid="issue.fields.status.common.ui.read-view.status-lozenge.button"]', // [export]
        '[data-testid="issue-field-status.ui.status-view.status-button.status-button"]', // [copier]
        '[data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"] button', // [export]
      ],
    },
    tags: {
      selectors: ['[data-testid="issue.views.field.labels.label-link"]', '#wrap-labels-field a'], // [export]
      read: tagText,
    },
    createdAt: {
      selectors: ['[data-testid="issue.views.field.date.created"] time[datetime]', '[data-testid="issue.views.field.date.created"]'], // [fields]
      read: timeText,
    },
    messages: {
      items: [
        '[data-testid="issue.activity.comments-list"] [data-testid^="comment-base-item-"]', // [comments]
        '[data-componentid^="issue-comment-base.ui.comment.comment-in-view-wrapper."]', // [comments]
      ],
      body: ['[data-testid^="issue-comment-base.ui.comment.ak-comment."][data-testid$="-body"]', '.ak-renderer-document'], // [comments]
      order: 'newest-first',
      fromCustomer: authoredByRequester(['[data-testid$="-header"] a'], INTERNAL), // the author's name links to their profile
      time: (item) => {
        const time = queryFirst(item, 'time[datetime], [data-testid="issue-timestamp.relative-time"]'); // [comments]
        return time ? timeText(time) : null;
      },
      // The request description is the customer's first message [export].
      opening: ['[data-testid="issue.views.field.rich-text.description"] .ak-renderer-document', '[data-testid="issue.views.field.rich-text.description"]'],
    },
  },
  required: ['subject', 'latestMessage'],
  theme: rootAttributeTheme('data-color-mode'), // [tokens]
  editors: {
    // ProseMirror takes a paste through its own pipeline.
    reply: { selectors: EDITOR, handlesPaste: true },
    note: { selectors: EDITOR, handlesPaste: true },
    mode: composerMode,
  },
};
