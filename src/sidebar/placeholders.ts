import { escapeHtml } from '../html/escape';
import type { Ticket } from '../model/ticket';

/** `{{ requester.first_name }}`, with the one space before it, so an empty value leaves no gap. */
const PLACEHOLDER = /( ?)\{\{\s*([\w.]+)\s*\}\}/g;

/** Values an article may use as `{{requester.first_name}}` and the like, taken from the open ticket. */
function values(ticket: Ticket | null): Record<string, string | undefined> {
  const name = ticket?.requester?.name?.trim();
  return {
    'requester.name': name,
    'requester.first_name': name?.split(/\s+/)[0],
    'requester.email': ticket?.requester?.email,
    'ticket.id': ticket?.id,
    'ticket.subject': ticket?.subject,
  };
}

/**
 * Fills the placeholders an answer uses from the ticket. A placeholder with no value is dropped together with
 * the space before it ("Hi {{requester.first_name}}," becomes "Hi,"), never left for the customer to see.
 * Works on text and on HTML alike: the values are escaped for HTML when `html` is set.
 */
export function fillPlaceholders(text: string, ticket: Ticket | null, html = false): string {
  const known = values(ticket);
  return text.replace(PLACEHOLDER, (_match, space: string, key: string) => {
    const value = known[key.toLowerCase()];
    if (!value) return '';
    return space + (html ? escapeHtml(value) : value);
  });
}
