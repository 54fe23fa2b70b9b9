import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/escalation/evaluate';
import type { EscalationTicket } from '../../src/escalation/evaluate';
import { defaultRulesFile, loadRulesFile, parseRules } from '../../src/escalation/rules';
import type { Rules } from '../../src/escalation/rules';
import type { Article } from '../../src/model/article';
import type { Ticket } from '../../src/model/ticket';

let rules: Rules;
beforeAll(async () => {
  rules = await loadRulesFile(defaultRulesFile());
});

const NOW = new Date('2026-11-20T10:10:00Z');

/** A ticket as the sidebar has it, with the counts some helpdesks show. */
function ticket(fields: Partial<Ticket> & Pick<EscalationTicket, 'reopens' | 'contacts'>): Ticket & Pick<EscalationTicket, 'reopens' | 'contacts'> {
  return {
    id: '35120',
    helpdesk: 'zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/35120',
    subject: '',
    latestMessage: '',
    thread: '',
    tags: [],
    ...fields,
  };
}

/** A customer message as the adapters read it: the latest message is also the newest part of the thread. */
const says = (subject: string, message: string, fields: Partial<Ticket> = {}) =>
  evaluate(rules, ticket({ subject, latestMessage: message, thread: message, ...fields }), { now: NOW });

describe('security incidents escalate to security at P1 or P2', () => {
  it.each([
    ['en', 'Possible data breach', 'A list of our customers was posted online. Someone had unauthorized access.'],
    ['ar', 'تسريب البيانات', 'وجدنا بيانات عملائنا منشورة على الإنترنت، يبدو أن هناك وصول غير مصرح به إلى حسابنا.'],
    ['he', 'דליפת מידע', 'מצאנו את רשימת הלקוחות שלנו ברשת, נראה שהייתה גישה לא מורשית למערכת.'],
  ])('a data breach (%s)', (_language, subject, message) => {
    const guidance = says(subject, message);
    expect(guidance).toMatchObject({ escalate: true, severity: 'P1', team: 'security', teamName: 'Security' });
    expect(guidance.reasons[0]?.rule).toBe('security-breach');
  });

  it.each([
    ['en', 'Account hacked', 'Someone logged into my account and changed the email.'],
    ['ar', 'مساعدة', 'تم اختراق حسابي وتغيير كلمة المرور'],
    ['he', 'עזרה', 'פרצו לי לחשבון ושינו את הסיסמה'],
  ])('a hacked account (%s)', (_language, subject, message) => {
    const guidance = says(subject, message);
    expect(guidance).toMatchObject({ escalate: true, team: 'security' });
    expect(['P1', 'P2']).toContain(guidance.severity);
  });

  it('phishing reports', () => {
    expect(says('Strange email', 'I got a phishing email that looks like your invoice')).toMatchObject({
      escalate: true,
      severity: 'P2',
      team: 'security',
    });
  });
});

describe('outages page the SRE on-call', () => {
  it.each([
    ['en', 'Down?', 'Your website is down for everyone in our office since 9:00.'],
    ['ar', 'عطل', 'الخدمة معطلة لدى جميع الموظفين منذ الصباح'],
    ['he', 'תקלה', 'המערכת נפלה, זה לא עובד לאף אחד אצלנו'],
  ])('%s', (_language, subject, message) => {
    expect(says(subject, message)).toMatchObject({ escalate: true, severity: 'P1', team: 'sre-oncall' });
  });
});

describe('legal threats go to legal', () => {
  it.each([
    ['en', 'Unacceptable', 'If this is not solved by Friday my lawyer will contact you.'],
    ['ar', 'شكوى', 'سأرفع دعوى قضائية ضد شركتكم إذا لم تحلوا المشكلة'],
    ['he', 'תלונה', 'אם זה לא ייפתר אני פונה לעורך הדין שלי'],
  ])('%s', (_language, subject, message) => {
    const guidance = says(subject, message);
    expect(guidance).toMatchObject({ escalate: true, severity: 'P2', team: 'legal' });
    expect(guidance.reasons[0]).toMatchObject({ rule: 'legal-threat' });
  });
});

describe('refunds go to billing above the front line’s limit', () => {
  it.each([
    ['en', 'Refund', 'Please refund the $1,200 we paid for the annual plan.', '$1,200'],
    ['ar', 'استرداد', 'أريد استرداد مبلغ ١٬٥٠٠ ريال', '1,500 ريال'],
    ['he', 'החזר', 'אני מבקש החזר כספי של 900 ש״ח', '900 ש״ח'],
  ])('a large refund (%s)', (_language, subject, message, amount) => {
    const guidance = says(subject, message);
    expect(guidance).toMatchObject({ escalate: true, team: 'billing' });
    expect(guidance.reasons[0]?.rule).toBe('large-refund');
    expect(guidance.reasons[0]?.detail).toContain(`amount ${amount}`);
  });

  it('a small refund stays with the front line', () => {
    expect(says('Refund', 'Can I get a refund of €20 for the add-on?')).toMatchObject({ escalate: false, team: '' });
  });

  it('a chargeback escalates whatever its severity', () => {
    expect(says('Payment', 'I filed a dispute with my bank about this charge.')).toMatchObject({
      escalate: true,
      severity: 'P3',
      team: 'billing',
    });
  });
});

describe('how-to questions do not escalate', () => {
  it.each([
    ['en', 'How do I export invoices?', 'Hello, where can I download all invoices of last year as a CSV file?'],
    ['ar', 'سؤال', 'كيف يمكنني تصدير الفواتير إلى ملف CSV؟'],
    ['he', 'שאלה', 'איך אני מייצא את החשבוניות לקובץ CSV?'],
  ])('%s', (_language, subject, message) => {
    expect(says(subject, message, { priority: 'normal' })).toMatchObject({
      escalate: false,
      severity: 'P4',
      team: '',
      reasons: [],
      checklist: [],
    });
  });

  it.each([
    ['How do I turn on two-factor sign-in? I do not want to be hacked.'],
    ['How do I prevent unauthorized access to shared folders?'],
    ['How do I close my account at the end of the month?'],
  ])('even near risky words: %s', (message) => {
    expect(says('Question', message)).toMatchObject({ escalate: false, team: '' });
  });

  it('not even at urgent priority, said urgently', () => {
    const guidance = says('How do I add a user?', 'Urgent: how do I add a user to my team?', { priority: 'Urgent' });
    expect(guidance).toMatchObject({ escalate: false, severity: 'P3', team: '' });
    expect(guidance.reasons.map((reason) => reason.rule)).toEqual(['stated-urgency', 'priorities']);
  });
});

describe('combining signals', () => {
  it('takes the higher reading, and the strongest trigger names the team', () => {
    const guidance = says('Outage', 'Your app is down. My lawyer will hear about this.');
    expect(guidance).toMatchObject({ severity: 'P1', team: 'sre-oncall' });
    expect(guidance.reasons.map((reason) => reason.rule)).toEqual(['outage', 'legal-threat']);
    expect(guidance.checklist).toContainEqual({ text: 'Note the customer\'s exact words and any deadline they set', from: 'rules', rule: 'legal-threat' });
  });

  it('reads the helpdesks’ priorities, numbers included', () => {
    const slow = (priority: string) => says('Slow', 'The dashboard is very slow today', { priority }).severity;
    expect(slow('1 - Critical')).toBe('P2');
    expect(slow('Urgent')).toBe('P2');
    expect(slow('normal')).toBe('P3');
    expect(slow('4 - Low')).toBe('P4');
    expect(slow('something else')).toBe('P3');
  });

  it('escalates an urgent problem with no routing trigger to the default team', () => {
    expect(says('Slow', 'The dashboard is very slow today', { priority: 'urgent' })).toMatchObject({ escalate: true, team: 'tier2-support' });
    expect(says('Login', 'Cannot log in', { priority: 'urgent', tags: ['VIP'] })).toMatchObject({
      escalate: true,
      severity: 'P2',
      team: 'tier2-support',
    });
  });

  it('matches tags and status whole, in any case and spelling', () => {
    const guidance = says('Again', 'Still broken', { status: 'Reopened', tags: ['Data_Breach', 'security-training'] });
    expect(guidance.reasons.map((reason) => reason.detail)).toEqual(['tag "Data_Breach"', 'status "Reopened"']);
    expect(says('Hi', 'Question about security training', { tags: ['security-training'] }).escalate).toBe(false);
  });

  it('says where a phrase was found', () => {
    const guidance = evaluate(rules, ticket({ subject: 'Follow-up', latestMessage: 'Any news?', thread: 'Any news?\n\nWe have a data breach.' }), { now: NOW });
    expect(guidance.reasons[0]).toEqual({ rule: 'security-breach', detail: '"data breach" in thread' });
  });

  it('does not match parts of words', () => {
    expect(says('Hackathon', 'We are planning a hackathon; how do I invite the outside team?').escalate).toBe(false);
  });
});

describe('SLA against now', () => {
  const breach = (createdAt: string | undefined, now: Date) =>
    evaluate(rules, ticket({ subject: 'Data breach', ...(createdAt && { createdAt }) }), { now }).sla;

  it('counts the response target from creation', () => {
    expect(breach('2026-11-20T10:00:00Z', NOW)).toEqual({
      targetMinutes: 15,
      dueAt: '2026-11-20T10:15:00.000Z',
      remainingMinutes: 5,
      breached: false,
    });
  });

  it('is breached past the due time', () => {
    expect(breach('2026-11-20T10:00:00Z', new Date('2026-11-20T10:20:30Z'))).toMatchObject({ remainingMinutes: -6, breached: true });
    expect(breach('2026-11-20T10:00:00Z', new Date('2026-11-20T10:15:00Z'))).toMatchObject({ remainingMinutes: 0, breached: false });
  });

  it('gives the target alone when the creation time is unknown or unreadable', () => {
    expect(breach(undefined, NOW)).toEqual({ targetMinutes: 15, breached: false });
    expect(breach('yesterday-ish', NOW)).toEqual({ targetMinutes: 15, breached: false });
  });
});

describe('article hints', () => {
  const article: Article = {
    id: 'refund-policy',
    title: 'Refund policy',
    body: 'Refunds within 30 days.',
    tags: [],
    escalation: 'Escalate to Billing if the refund is above 500 EUR',
  };

  it('join the checklist, not the reasons, when the article is suggested', () => {
    const guidance = evaluate(rules, ticket({ subject: 'Refund', latestMessage: 'I want my money back' }), { now: NOW, articles: [article] });
    expect(guidance.checklist).toContainEqual({
      text: 'Escalate to Billing if the refund is above 500 EUR',
      from: 'article',
      article: { id: 'refund-policy', title: 'Refund policy' },
    });
    expect(guidance.reasons).toEqual([]);
  });

  it('change nothing when absent', () => {
    const guidance = evaluate(rules, ticket({ subject: 'Refund' }), { now: NOW, articles: [{ ...article, escalation: undefined }] });
    expect(guidance.reasons).toEqual([]);
  });
});

describe('the path to the team', () => {
  it('is functional to a specialist team, and a P1 tells the duty manager too', () => {
    expect(says('Possible data breach', 'Our customer list was posted online.')).toMatchObject({
      severity: 'P1',
      team: 'security',
      pathKind: 'functional',
      teamPath: 'helpdesk group "Security", and the security on-call for P1',
      notify: 'the support duty manager',
    });
  });

  it('is hierarchical to the account manager, and names no one else below P1', () => {
    const guidance = says('Cancel', 'We will cancel our contract unless this is fixed today.', { priority: 'urgent' });
    expect(guidance).toMatchObject({ escalate: true, severity: 'P2', team: 'account-management', pathKind: 'hierarchical' });
    expect(guidance.notify).toBeUndefined();
  });

  it('is not given when the ticket does not escalate', () => {
    const guidance = says('How do I add a user?', 'Hello, how do I add a user?');
    expect(guidance.pathKind).toBeUndefined();
    expect(guidance.notify).toBeUndefined();
  });
});

describe('cancellations', () => {
  it.each([
    ['en', 'Cancellation', 'Please cancel my subscription, we are moving to another provider.'],
    ['ar', 'إلغاء', 'أرجو إلغاء اشتراكي في نهاية الشهر'],
    ['he', 'ביטול', 'אני רוצה לבטל את המנוי שלי'],
  ])('are a churn risk for account management (%s)', (_language, subject, message) => {
    const guidance = says(subject, message);
    expect(guidance.reasons[0]?.rule).toBe('churn-risk');
    expect(guidance.escalate).toBe(false);
    expect(says(subject, message, { priority: 'high' })).toMatchObject({ escalate: true, team: 'account-management' });
  });
});

describe('customer tiers', () => {
  it('come from tags, raise the impact and are named', () => {
    const guidance = says('Export fails', 'The export button gives an error.', { tags: ['VIP'], priority: 'high' });
    expect(guidance).toMatchObject({ tier: { id: 'vip', name: 'VIP' }, escalate: true, severity: 'P2' });
    expect(guidance.reasons[0]).toEqual({ rule: 'key-account', detail: 'customer tier VIP' });
  });

  it('come from the requester’s address or domain in a team’s VIP list', () => {
    const own = parseRules(
      ['tiers:', '  - id: vip', '    name: VIP', '    requesters: ["ceo@big.example", "@partner.example"]', '  - id: enterprise', '    name: Enterprise', '    tags: [enterprise]'].join('\n'),
      'team.yaml',
      rules,
    );
    expect(own.warnings).toBeUndefined();
    const from = (email: string) => evaluate(own, ticket({ subject: 'Hi', requester: { email } }), { now: NOW }).tier?.id;
    expect(from('CEO@big.example')).toBe('vip');
    expect(from('someone@eu.partner.example')).toBe('vip');
    expect(from('other@big.example')).toBeUndefined();
    expect(from('someone@notpartner.example')).toBeUndefined();
  });
});

describe('reopened and repeated contacts', () => {
  it('count where the helpdesk shows them', () => {
    const reopened = evaluate(rules, ticket({ subject: 'Export', latestMessage: 'It fails again.', reopens: 2 }), { now: NOW });
    expect(reopened.reasons[0]).toEqual({ rule: 'reopened', detail: 'reopened 2 times' });
    const repeated = evaluate(rules, ticket({ subject: 'Export', latestMessage: 'Any news?', contacts: 4 }), { now: NOW });
    expect(repeated.reasons[0]).toEqual({ rule: 'repeat-contact', detail: '4 messages from the customer' });
    expect(evaluate(rules, ticket({ subject: 'Export', latestMessage: 'Any news?', contacts: 2 }), { now: NOW }).reasons).toEqual([]);
  });

  it.each([
    ['en', 'This is the third time I write about the failing export and I am still waiting for a reply.'],
    ['ar', 'أكتب إليكم للمرة الثالثة بخصوص التصدير ولم يرد أحد'],
    ['he', 'אני כותב בפעם השלישית ועדיין מחכה לתשובה'],
  ])('said in words (%s)', (_language, message) => {
    const guidance = says('Export', message);
    expect(guidance.reasons[0]?.rule).toBe('repeat-contact');
    expect(guidance.escalate).toBe(false);
  });
});

describe('ticket age against the SLA', () => {
  const old = { createdAt: '2026-11-18T10:00:00Z' };

  it('raises the urgency of a ticket that missed its response target', () => {
    const guidance = says('Slow', 'The dashboard is very slow today', old);
    expect(guidance).toMatchObject({ escalate: true, severity: 'P2', team: 'tier2-support' });
    expect(guidance.reasons.map((reason) => reason.rule)).toEqual(['degraded-service', 'sla-missed']);
    expect(guidance.reasons[1]?.detail).toBe('the 480 min response target has passed');
    expect(guidance.checklist[0]).toMatchObject({ rule: 'degraded-service' });
  });

  it('does not make an old how-to question escalate', () => {
    const guidance = says('How do I export invoices?', 'Hello, where can I download last year’s invoices?', old);
    expect(guidance).toMatchObject({ escalate: false, team: '' });
    expect(guidance.reasons.map((reason) => reason.rule)).toEqual(['sla-missed']);
  });

  it('waits while the target still holds', () => {
    expect(says('Slow', 'The dashboard is very slow today', { createdAt: '2026-11-20T10:00:00Z' }).reasons.map((reason) => reason.rule)).toEqual([
      'degraded-service',
    ]);
  });
});

describe('rules that stand in for a broken file', () => {
  it('pass their warnings on with the guidance', () => {
    const fallback = parseRules('teams: [', 'team.yaml', rules);
    const guidance = evaluate(fallback, ticket({ subject: 'Data breach' }), { now: NOW });
    expect(guidance).toMatchObject({ severity: 'P1', team: 'security' });
    expect(guidance.warnings[0]).toBe('team.yaml was not used: the last good rules apply.');
    expect(says('Data breach', '').warnings).toEqual([]);
  });
});

describe('what the customer asks about is not what happened to them', () => {
  it.each([
    ['en', 'How do I scan uploads for malware?'],
    ['en', 'Do you have a status page where I can check if the service is down?'],
    ['en', 'How do I report a phishing email I received from someone else?'],
    ['en', 'Does your platform protect against SQL injection?'],
    ['en', 'How can I prevent data loss when two people edit at once?'],
    ['ar', 'كيف أحمي حسابي من التصيد الاحتيالي؟'],
    ['ar', 'هل يوجد حل إذا كان الموقع لا يعمل؟'],
    ['he', 'איך מגינים על החשבון מפני פישינג?'],
    ['he', 'האם יש דף סטטוס למקרה שהאתר לא עובד?'],
  ])('a how-to question (%s): %s', (_language, message) => {
    expect(says('Question', message, { priority: 'high' })).toMatchObject({ escalate: false, team: '' });
  });

  it.each([
    ['Our laptops got malware from your installer. How do I clean them?', 'security'],
    ['How long will the outage last? Nothing loads for any of us.', 'sre-oncall'],
    ['Why is the site down for everyone?', 'sre-oncall'],
    ['I received a phishing email that looks like your invoice, how do I report it?', 'security'],
  ])('the same words as a report: %s', (message, team) => {
    expect(says('Help', message)).toMatchObject({ escalate: true, team });
  });
});

describe('questions about a policy or a process are not reports of an incident', () => {
  it.each([
    ['en', 'What is your process if there is a data breach?'],
    ['en', 'Where can I find your policy on data breach notification?'],
    ['en', 'Hi, how do I report a data breach?'],
    ['en', 'How do I protect my team against account takeover?'],
    ['en', 'Do you have a lawyer who reviews contract terms?'],
    ['en', 'Where can I read about GDPR compliance?'],
    ['en', 'How do I file a chargeback dispute with my bank?'],
    ['en', 'Can I get a refund of $2,000 if I cancel…?'],
    ['en', 'Can I get a refund of $2.000,50 if I cancel?'],
    ['ar', 'كيف أبلغ عن اختراق أمني؟'],
    ['ar', 'ما هي سياستكم في حال حدوث خرق البيانات؟'],
    ['ar', 'أين أجد سياسة حماية البيانات الشخصية؟'],
    ['ar', 'مرحبا، كيف أقدم اعتراض على الخصم؟'],
    ['ar', 'هل يمكنني استرداد 3000 دولار إذا ألغيت الاشتراك؟'],
    ['he', 'איך אני מדווח על פרצת אבטחה?'],
    ['he', 'מה הנוהל שלכם במקרה של דליפת מידע?'],
    ['he', 'איפה אני מוצא את מדיניות הגנת הפרטיות?'],
    ['he', 'איך מגישים הכחשת עסקה?'],
    ['he', 'האם אפשר לקבל החזר של 2000 שקל אם אבטל?'],
  ])('%s: %s', (_language, message) => {
    expect(says('Question', message)).toMatchObject({ escalate: false, team: '', reasons: [] });
  });

  it.each([
    ['en', 'Data breach notification policy', 'Hello, where can I find your policy on data breach notification? Thanks, Anna'],
    ['ar', 'اختراق أمني', 'كيف أبلغ عن اختراق أمني؟'],
    ['he', 'פרצת אבטחה', 'איך אני מדווח על פרצת אבטחה?'],
  ])('nor is the subject that titles such a question (%s)', (_language, subject, message) => {
    expect(says(subject, message)).toMatchObject({ escalate: false, team: '' });
  });

  it.each([
    ['en', 'Why can someone else log into my account?', 'security'],
    ['en', 'Is your API down?', 'sre-oncall'],
    ['en', 'we think we were breached, what do we do?', 'security'],
    ['en', 'How do I recover my account that was hacked?', 'security'],
    ['en', 'Our customer list was leaked. How do I report a data breach?', 'security'],
    ['en', 'Can I get a refund of $2,000 for the duplicate charge last week?', 'billing'],
    ['ar', 'كيف أستعيد حسابي بعد أن تم اختراقه؟', 'security'],
    ['ar', 'هل تم اختراق حسابي؟', 'security'],
    ['ar', 'لماذا يستطيع شخص آخر الدخول إلى حسابي؟ شخص آخر دخل وغير كلمة المرور', 'security'],
    ['he', 'איך אני מחזיר את החשבון שנפרץ?', 'security'],
    ['he', 'נפרצנו, מה עושים?', 'security'],
    ['he', 'למה מישהו אחר נכנס לחשבון שלי?', 'security'],
  ])('an incident asked as a question still escalates (%s): %s', (_language, message, team) => {
    const guidance = says('Help', message);
    expect(guidance).toMatchObject({ escalate: true, team });
    expect(['P1', 'P2']).toContain(guidance.severity);
  });

  it('a subject that reports the incident counts though the message only asks how to report it', () => {
    expect(says('Data breach!', 'We found our customer emails posted online. How do I report it to you?')).toMatchObject({
      escalate: true,
      severity: 'P1',
      team: 'security',
    });
  });
});

describe('incidents escalate at P1 or P2 whatever the ticket’s own priority', () => {
  it.each([
    ['security', 'Suspicious activity on our account', 'We noticed logins from an unknown IP address and our admin password was changed without our knowledge.'],
    ['security', 'Vulnerability report', 'I found a security vulnerability in your login page that allows cross-site scripting.'],
    ['security', 'Phishing', 'Our staff got a phishing email pretending to be you.'],
    ['security', 'نشاط مشبوه', 'لاحظنا نشاطاً مشبوهاً في حسابنا وتم تغيير كلمة المرور دون علمنا'],
    ['security', 'ثغرة', 'هناك ثغرة أمنية في صفحة تسجيل الدخول'],
    ['security', 'פעילות חשודה', 'זיהינו פעילות חשודה בחשבון והסיסמה שונתה בלי ידיעתנו'],
    ['security', 'חולשה', 'מצאתי חולשת אבטחה בדף ההתחברות שלכם'],
    ['sre-oncall', 'Everything down', 'Nothing loads since 10am, all our users get error 503.'],
    ['sre-oncall', 'توقف', 'المنصة لا تعمل منذ ساعة ولا يستطيع أي موظف الدخول'],
    ['sre-oncall', 'תקלה', 'המערכת לא עובדת כבר שעה ואף אחד מהעובדים לא מצליח להיכנס'],
    ['legal', 'Legal', 'We will be taking legal steps if this is not resolved.'],
    ['legal', 'تهديد', 'سأتخذ إجراءات قانونية ضد شركتكم'],
    ['legal', 'תביעה', 'אני אגיש נגדכם תביעה'],
    ['billing', 'Refund', 'I want a refund of 2,400 EUR for the unused licenses.'],
    ['billing', 'استرداد', 'أطلب استرداد 3000 دولار'],
    ['billing', 'החזר', 'אני דורש החזר של 2000 שקל'],
  ])('%s: %s', (team, subject, message) => {
    for (const priority of [undefined, 'low']) {
      const guidance = says(subject, message, { priority });
      expect(guidance).toMatchObject({ escalate: true, team });
      expect(['P1', 'P2']).toContain(guidance.severity);
    }
  });
});
