/**
 * A demo helpdesk ticket (tests/demo/pages) whose conversation is more than 5 MB when the page first shows it:
 * for the browser test of a huge ticket and for the host-page cost in `npm run bench`.
 */

export interface HugeThread {
  /** The demo ticket to pad, e.g. `35120`. */
  ticket: string;
  /** Messages added between the ticket's opening message and its first reply, older than every reply. */
  messages: number;
  /** Characters of text in each, in two paragraphs. */
  chars: number;
}

/** 1,000 messages of 5,000 characters: 5 MB of text. */
export const FIVE_MB: Omit<HugeThread, 'ticket'> = { messages: 1_000, chars: 5_000 };

/** Source text for the page: a function passed from here could carry helpers of the compiler that the page lacks. */
const PAD = `
(options) => {
  let api;
  Object.defineProperty(window, 'demoHelpdesk', {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = value;
      const ticket = value && value.tickets && value.tickets[options.ticket];
      const opening = ticket && ticket.messages[0];
      if (!opening) return;
      const next = ticket.messages[1];
      const from = Date.parse(opening.at);
      const span = (next ? Date.parse(next.at) : from + 3600000) - from;
      const sentence = 'The export still fails after the retry, and the log shows the same timeout as before. ';
      const half = Math.floor(options.chars / 2) - 1;
      const paragraph = sentence.repeat(Math.ceil(half / sentence.length)).slice(0, half).trim();
      const filler = Array.from({ length: options.messages }, (_, i) => {
        const fromCustomer = i % 2 === 0;
        return {
          author: fromCustomer ? ticket.requester.name : 'Sam Carter',
          fromCustomer,
          at: new Date(from + Math.round(((i + 1) * span) / (options.messages + 2))).toISOString(),
          text: 'Update ' + (i + 1) + ': ' + paragraph + '\\n\\n' + paragraph,
          // Freshdesk's demo numbers each reply: these take numbers of their own.
          noteId: 1000000 + i,
        };
      });
      ticket.messages.splice(1, 0, ...filler);
    },
  });
}
`;

/**
 * For `page.addInitScript`: a script that runs in the page before its own. The demo app publishes
 * `window.demoHelpdesk` just before it first renders; the padding goes into the ticket's messages at that
 * moment, so the app renders the whole thread as it loads, as a helpdesk does with a long conversation. Every
 * other message is the requester's; the ticket's own newest messages stay the newest.
 */
export function padDemoThread(options: HugeThread): string {
  return `(${PAD.trim()})(${JSON.stringify(options)});`;
}
