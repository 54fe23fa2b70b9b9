import { t } from '../i18n/messages';
import type { Ticket } from '../model/ticket';
import { directionOf } from './direction';

export function TicketCard({ ticket }: { ticket: Ticket }) {
  const requester = [ticket.requester?.name, ticket.requester?.email && `<${ticket.requester.email}>`]
    .filter(Boolean)
    .join(' ');
  return (
    <section
      class="card ticket"
      data-testid="aa-ticket"
      data-ticket-id={ticket.id}
      data-helpdesk={ticket.helpdesk}
      aria-label={t('ticketLabel')}
    >
      <div class="ticket-id">
        #{ticket.id}
        {ticket.priority && <span class="chip">{ticket.priority}</span>}
        {ticket.status && <span class="chip muted">{ticket.status}</span>}
      </div>
      <h2 class="ticket-subject" dir={directionOf(ticket.language, ticket.subject)}>
        {ticket.subject || t('noSubject')}
      </h2>
      {requester && <div class="muted" dir="auto">{requester}</div>}
    </section>
  );
}
