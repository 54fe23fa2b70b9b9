import { queryFirst } from './dom';
import { authoredByRequester, emailIn, timeText } from './readers';
import type { Adapter } from './types';

/*
 * Salesforce Service Console (Lightning Experience), case record pages at
 * https://<org>.lightning.force.com/lightning/r/Case/<15 or 18-character record id>/view. The console keeps
 * every open workspace tab (and subtab) in the page and shows one; Lightning Web Components render either in
 * light DOM (synthetic shadow) or in native shadow roots, so every selector here looks through shadow roots.
 * The id agents see is the CaseNumber with its leading zeros (00002317), read from the record; the URL has
 * only the record id.
 *
 * Where each selector was seen (public code that reads the live console):
 *   [layout]   record-field readers in extensions and test suites (`records-record-layout-item[field-label]`,
 *              `lightning-formatted-text`, `force-lookup a`, `[data-target-selection-name=
 *              "sfdc:RecordField.Case.CaseNumber"]` holding the value in `slot[name="outputField"]`,
 *              `one-record-home-flexipage2` > `records-lwc-detail-panel` > … > `records-record-layout-item`)
 *   [console]  a console panel injector (the active tab's panel by `aria-controls`; `records-highlights2`,
 *              `records-record-layout-item[field-label="Account Name"]` inside the active tab only)
 *   [feed]     case-feed extractors (`article.cuf-feedElement.cuf-feedItem` with `data-type`, `.feedBodyInner`,
 *              `.cuf-feedBodyText`, `a.cuf-timestamp` with the date in its title, the Chatter post editor
 *              `div.ql-editor[contenteditable="true"]`)
 * The record is thin for which container hides a background console tab (the views below are told apart by
 * being shown) and for the publisher's quick-action markers: the e-mail and post editors are found only inside
 * their own action, so a reply never lands in an internal post.
 */

/** A field of the case record by its label, down to the formatted value [layout]. */
const field = (label: string, value = 'lightning-formatted-text') => `records-record-layout-item[field-label="${label}"] >>> ${value}`;
/** The same field by its API name [layout]. */
const apiField = (name: string, value = 'lightning-formatted-text') => `[data-target-selection-name="sfdc:RecordField.Case.${name}"] >>> ${value}`;

export const salesforce: Adapter = {
  id: 'salesforce',
  name: 'Salesforce Service Console',
  matches: ['*://*.lightning.force.com/*', '*://*.my.salesforce.com/*'],
  page: {
    hosts: ['.lightning.force.com', '.my.salesforce.com'],
    appPath: /^\/lightning\//,
    signature: ['one-record-home-flexipage2', 'records-record-layout-item'], // [layout]
    // Case record ids start with the Case key prefix 500.
    ticketPath: /^\/lightning\/r\/(?:Case\/)?(500[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:\/|$)/,
  },
  root: {
    // Nothing in the record keys a console tab by record id: the tab in front holds the one shown record page.
    selectors: [],
    within: '>>> one-record-home-flexipage2, .tabContent, .oneContent', // [layout] [console]
  },
  fields: {
    id: {
      selectors: [field('Case Number'), apiField('CaseNumber')], // [layout]
      // Auto-numbers keep their leading zeros, with or without a display prefix (CS-00002317).
      pattern: /^[A-Za-z]{0,6}-?\d{3,}$/,
    },
    subject: {
      selectors: [field('Subject'), apiField('Subject')], // [layout]
    },
    requesterName: {
      selectors: [field('Contact Name', 'force-lookup a'), field('Contact Name', 'a'), apiField('ContactId', 'a')], // [layout] [console]
    },
    requesterEmail: {
      selectors: [field('Contact Email', 'a[href^="mailto:"]'), field('Web Email', 'a[href^="mailto:"]'), field('Contact Email', 'lightning-formatted-email')],
      read: emailIn,
    },
    priority: {
      selectors: [field('Priority'), apiField('Priority')], // [layout]
    },
    status: {
      selectors: [field('Status'), apiField('Status')], // [layout]
    },
    // Cases have no tags.
    tags: { selectors: [] },
    createdAt: {
      selectors: [field('Date/Time Opened'), field('Date/Time Opened', 'lightning-formatted-date-time'), field('Created Date')], // [feed]
    },
    messages: {
      items: ['>>> article.cuf-feedItem'], // [feed]
      body: ['.feedBodyInner', '.cuf-feedBodyText'], // [feed]
      order: 'newest-first', // the feed's "Latest posts" [feed]
      // Chatter posts are the team's own; e-mails and comments are the customer's when the contact wrote them.
      fromCustomer: authoredByRequester(['.cuf-entityLinkId', 'header a'], ['[data-type="TextPost"]']),
      time: (item) => {
        const time = queryFirst(item, 'a.cuf-timestamp, time[datetime]'); // [feed]
        return time ? timeText(time) : null;
      },
      ignore: ['.cuf-more'],
      opening: [field('Description')], // [feed]
    },
  },
  required: ['id', 'subject', 'latestMessage'],
  editors: {
    // The case feed publisher shows one action at a time: Email replies to the customer, Post is internal.
    reply: { selectors: ['[data-target-selection-name$=".SendEmail"] >>> [contenteditable="true"]'], handlesPaste: true },
    note: { selectors: ['[data-target-selection-name$="FeedItem.TextPost"] >>> .ql-editor[contenteditable="true"]'], handlesPaste: true }, // [feed]
  },
};
