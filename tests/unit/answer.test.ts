// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article';
import type { Ticket } from '../../src/model/ticket';
import { agentNameFor, answerContent } from '../../src/sidebar/answer';

const ticket: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'Refund',
  latestMessage: '',
  thread: '',
  tags: [],
  requester: { name: 'Dana Levi' },
  agent: { name: 'Sam Carter' },
};

const arabic: Article = {
  id: 'refund-ar',
  title: 'سياسة الاسترداد',
  body: 'مرحبًا {{requester.first_name}}',
  html: '<p>مرحبًا {{requester.first_name}}،</p><ul><li>الخطوة الأولى</li><li>الخطوة الثانية</li></ul><p><a href="https://help.example.com/refunds">سياسة الاسترداد</a></p><p>{{agent.name}}</p><script>alert(1)</script>',
  tags: [],
  locale: 'ar',
};

describe('an answer as it goes into a reply', () => {
  it('keeps the article’s direction and language around its sanitised HTML, placeholders filled', () => {
    const { html } = answerContent(arabic, { ticket, agentName: 'Sam Carter' });
    const box = document.createElement('div');
    box.innerHTML = html;
    const wrapper = box.firstElementChild!;
    expect(box.children).toHaveLength(1);
    expect(wrapper.getAttribute('dir')).toBe('rtl');
    expect(wrapper.getAttribute('lang')).toBe('ar');
    expect(wrapper.querySelectorAll('li')).toHaveLength(2);
    expect(wrapper.querySelector('a')?.getAttribute('href')).toBe('https://help.example.com/refunds');
    expect(wrapper.querySelector('script')).toBeNull();
    expect(wrapper.textContent).toContain('مرحبًا Dana،');
    expect(wrapper.textContent).toContain('Sam Carter');
  });

  it('keeps paragraphs, list items and link addresses in the plain text', () => {
    const { text } = answerContent(arabic, { ticket, agentName: 'Sam Carter' });
    expect(text.split('\n').slice(0, 5)).toEqual(['مرحبًا Dana،', '- الخطوة الأولى', '- الخطوة الثانية', 'سياسة الاسترداد (https://help.example.com/refunds)', 'Sam Carter']);
  });

  it('writes HTML paragraphs for an article that has none, left to right for English', () => {
    const plain: Article = { id: 'plain', title: 'Password reset', body: 'Hi {{requester.first_name}},\n\nUse <the> link.\nThanks', tags: [], locale: 'en' };
    const { text, html } = answerContent(plain, { ticket });
    expect(html).toBe('<div dir="ltr" lang="en"><p>Hi Dana,</p><p>Use &lt;the&gt; link.<br>Thanks</p></div>');
    expect(text).toBe('Hi Dana,\n\nUse <the> link.\nThanks');
  });
});

describe('the agent’s name', () => {
  it('is the one the page shows, else the one set in the options, else none', () => {
    expect(agentNameFor(ticket, 'Samuel')).toBe('Sam Carter');
    expect(agentNameFor({ ...ticket, agent: undefined }, ' Samuel ')).toBe('Samuel');
    expect(agentNameFor(null, 'Samuel')).toBe('Samuel');
    expect(agentNameFor(null, '  ')).toBeUndefined();
    expect(agentNameFor(null, undefined)).toBeUndefined();
  });
});
