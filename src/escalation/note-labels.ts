import type { Mask, RedactionKind } from './redact';
import { englishMask } from './redact';

/** Every word the escalation note prints, in one language. The SLA sentences take pieces Intl has formatted. */
export interface NoteLabels {
  locale: string;
  dir: 'ltr' | 'rtl';
  heading: string;
  ticket: string;
  link: string;
  subject: string;
  requester: string;
  tier: string;
  priority: string;
  status: string;
  created: string;
  tags: string;
  severity: string;
  escalate: string;
  noEscalation: string;
  team: string;
  via: string;
  functional: string;
  hierarchical: string;
  notify: string;
  sla: string;
  reasons: string;
  customerWrote: string;
  checklist: string;
  triedSoFar: string;
  matched: string;
  articles: string;
  ask: string;
  written: string;
  none: string;
  notShown: string;
  nothingYet: string;
  /** `relative`: "in 42 minutes"; `due`: ISO time; `target`: "15 minutes". */
  slaDue(relative: string, due: string, target: string): string;
  slaBreached(relative: string, due: string, target: string): string;
  slaUnknown(target: string): string;
  mask: Mask;
}

const EN: NoteLabels = {
  locale: 'en',
  dir: 'ltr',
  heading: 'Escalation note',
  ticket: 'Ticket',
  link: 'Link',
  subject: 'Subject',
  requester: 'Requester',
  tier: 'Customer tier',
  priority: 'Priority',
  status: 'Status',
  created: 'Created',
  tags: 'Tags',
  severity: 'Severity',
  escalate: 'escalate',
  noEscalation: 'no escalation needed',
  team: 'Target team',
  via: 'via',
  functional: 'functional escalation',
  hierarchical: 'hierarchical escalation',
  notify: 'Also inform',
  sla: 'SLA',
  reasons: 'Reasons',
  customerWrote: 'Latest customer message',
  checklist: 'Checklist',
  triedSoFar: 'Tried so far',
  matched: 'Suggested articles',
  articles: 'Articles consulted',
  ask: 'Ask',
  written: 'Written',
  none: 'none',
  notShown: 'not shown',
  nothingYet: 'nothing recorded',
  slaDue: (relative, due, target) => `due ${relative} (${due}; target ${target})`,
  slaBreached: (relative, due, target) => `breached: was due ${relative} (${due}; target ${target})`,
  slaUnknown: (target) => `respond within ${target} (created time unknown)`,
  mask: englishMask,
};

const AR_MASKED: Readonly<Record<RedactionKind, string>> = {
  email: 'بريد إلكتروني',
  phone: 'رقم هاتف',
  card: 'رقم بطاقة',
  iban: 'رقم IBAN',
  token: 'رمز وصول',
  password: 'كلمة مرور',
};

const AR: NoteLabels = {
  locale: 'ar',
  dir: 'rtl',
  heading: 'ملاحظة التصعيد',
  ticket: 'التذكرة',
  link: 'الرابط',
  subject: 'الموضوع',
  requester: 'مقدم الطلب',
  tier: 'فئة العميل',
  priority: 'الأولوية',
  status: 'الحالة',
  created: 'تاريخ الإنشاء',
  tags: 'الوسوم',
  severity: 'درجة الخطورة',
  escalate: 'يلزم التصعيد',
  noEscalation: 'لا يلزم التصعيد',
  team: 'الفريق المختص',
  via: 'عبر',
  functional: 'تصعيد وظيفي',
  hierarchical: 'تصعيد هرمي',
  notify: 'يُبلَّغ أيضًا',
  sla: 'مهلة الاستجابة (SLA)',
  reasons: 'الأسباب',
  customerWrote: 'آخر رسالة من العميل',
  checklist: 'قائمة التحقق',
  triedSoFar: 'ما تمت تجربته حتى الآن',
  matched: 'المقالات المقترحة',
  articles: 'المقالات التي تمت مراجعتها',
  ask: 'المطلوب',
  written: 'وقت الكتابة',
  none: 'لا يوجد',
  notShown: 'غير معروض',
  nothingYet: 'لم يُسجَّل شيء',
  slaDue: (relative, due, target) => `الموعد ${relative} (${due}، المهلة ${target})`,
  slaBreached: (relative, due, target) => `تم تجاوز المهلة: كان الموعد ${relative} (${due}، المهلة ${target})`,
  slaUnknown: (target) => `الرد خلال ${target} (وقت الإنشاء غير معروف)`,
  // "مخفي:" first: the kind's own gender then does not change the word.
  mask: (kind, hint) => `[مخفي: ${AR_MASKED[kind]}${hint ? ` (${hint})` : ''}]`,
};

const HE_MASKED: Readonly<Record<RedactionKind, string>> = {
  email: 'כתובת דוא"ל',
  phone: 'מספר טלפון',
  card: 'מספר כרטיס',
  iban: 'מספר IBAN',
  token: 'אסימון גישה',
  password: 'סיסמה',
};

const HE: NoteLabels = {
  locale: 'he',
  dir: 'rtl',
  heading: 'הערת הסלמה',
  ticket: 'פנייה',
  link: 'קישור',
  subject: 'נושא',
  requester: 'הפונה',
  tier: 'רמת לקוח',
  priority: 'עדיפות',
  status: 'סטטוס',
  created: 'נפתחה',
  tags: 'תגיות',
  severity: 'חומרה',
  escalate: 'להסלים',
  noEscalation: 'אין צורך בהסלמה',
  team: 'צוות יעד',
  via: 'דרך',
  functional: 'הסלמה פונקציונלית',
  hierarchical: 'הסלמה היררכית',
  notify: 'ליידע גם את',
  sla: 'יעד תגובה (SLA)',
  reasons: 'סיבות',
  customerWrote: 'ההודעה האחרונה של הלקוח',
  checklist: 'רשימת בדיקה',
  triedSoFar: 'מה נוסה עד כה',
  matched: 'מאמרים מוצעים',
  articles: 'מאמרים שנבדקו',
  ask: 'הבקשה',
  written: 'נכתב',
  none: 'אין',
  notShown: 'לא מוצג',
  nothingYet: 'לא נרשם דבר',
  slaDue: (relative, due, target) => `מועד התגובה ${relative} (${due}, יעד ${target})`,
  slaBreached: (relative, due, target) => `חריגה מהיעד: מועד התגובה היה ${relative} (${due}, יעד ${target})`,
  slaUnknown: (target) => `להגיב תוך ${target} (זמן הפתיחה לא ידוע)`,
  mask: (kind, hint) => `[הוסתר: ${HE_MASKED[kind]}${hint ? ` (${hint})` : ''}]`,
};

const BY_LANGUAGE: Readonly<Record<string, NoteLabels>> = { en: EN, ar: AR, he: HE };

/** The labels for a BCP 47 language (`ar`, `he-IL`); English where the note has no template. */
export function noteLabels(language: string | undefined): NoteLabels {
  const primary = (language ?? '').split('-')[0]?.toLowerCase() ?? '';
  return BY_LANGUAGE[primary] ?? EN;
}
