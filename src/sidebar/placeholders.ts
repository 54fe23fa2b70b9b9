import { escapeHtml } from '../html/escape';
import type { Ticket } from '../model/ticket';

/** `{{ requester.first_name }}`, with the one space before it, so an empty value leaves no gap. */
const PLACEHOLDER = /( ?)\{\{\s*([\w.]+)\s*\}\}/g;

/** What fills the placeholders: the open ticket, and the name of the agent answering it. */
export interface PlaceholderContext {
  ticket: Ticket | null;
  agentName?: string;
}

const firstWord = (name: string | undefined) => name?.split(/\s+/)[0];

/** Values an article may use as `{{requester.first_name}}` and the like. */
function values({ ticket, agentName }: PlaceholderContext): Record<string, string | undefined> {
  const name = ticket?.requester?.name?.trim();
  const agent = agentName?.trim();
  return {
    'requester.name': name,
    'requester.first_name': firstWord(name),
    'requester.email': ticket?.requester?.email,
    'ticket.id': ticket?.id,
    'ticket.subject': ticket?.subject,
    'agent.name': agent,
    'agent.first_name': firstWord(agent),
  };
}

/**
 * Fills the placeholders an answer uses. A placeholder with no value is dropped together with the space before
 * it ("Hi {{requester.first_name}}," becomes "Hi,"), never left for the customer to see. Works on text and on
 * HTML alike: the values are escaped for HTML when `html` is set.
 */
export function fillPlaceholders(text: string, context: PlaceholderContext, html = false): string {
  const known = values(context);
  return text.replace(PLACEHOLDER, (_match, space: string, key: string) => {
    const value = known[key.toLowerCase()];
    if (!value) return '';
    return space + (html ? escapeHtml(value) : value);
  });
}
