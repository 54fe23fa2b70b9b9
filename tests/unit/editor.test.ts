// @vitest-environment happy-dom
import { freshdesk } from '../../src/adapters/freshdesk';
import { zendesk } from '../../src/adapters/zendesk';
import { describeEditorKit } from './adapters.kit';

describeEditorKit({
  adapter: zendesk,
  dir: 'zendesk',
  publicPage: 'ticket.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'composer-internal.html',
  internalDraft: 'Escalating to the identity team.',
  noTicket: 'views.html',
});

describeEditorKit({
  adapter: freshdesk,
  dir: 'freshdesk',
  publicPage: 'ticket.html',
  publicDraft: 'Hi Dana,',
  internalPage: 'note-editor.html',
  internalDraft: 'Escalating to the identity team.',
  noTicket: 'list.html',
});
