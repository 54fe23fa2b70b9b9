import { hasPhrase } from './phrases';
import type { PhraseMatcher } from './phrases';

/** What tells a how-to question from a report: how such questions start, and words that say something happened. */
export interface QuestionSigns {
  openings: readonly PhraseMatcher[];
  reports: readonly PhraseMatcher[];
}

// A sentence runs to . ! ? or ؟ followed by a space or the end, and keeps its closing marks: the points inside
// "$2.000,50" or "v1.2" do not end it.
const SENTENCE = /(?:[^.!?؟]|[.!?؟](?![\s.!?؟]|$))+[.!?؟]*/g;
const ASKS = /[?؟]$/;
// A short address before the question ("hi, how do I", "hello team, where can I", "مرحبا، كيف") leaves it a how-to.
const ADDRESS = /^[\p{L}\p{M}\p{N}]+(?: [\p{L}\p{M}\p{N}]+)?[,،] /u;

/**
 * A how-to question: it ends with a question mark, starts with one of the openings ("how do", "كيف") and says
 * nothing happened. "How do I recover my account that was hacked?" asks how, but reports a hacked account.
 */
function isHowTo(sentence: string, signs: QuestionSigns): boolean {
  if (!ASKS.test(sentence)) return false;
  const question = sentence.slice(ADDRESS.exec(sentence)?.[0].length ?? 0);
  const opens = signs.openings.some(({ pattern, needle }) => question.includes(needle) && pattern.exec(question)?.index === 0);
  return opens && !signs.reports.some((report) => hasPhrase(sentence, report));
}

/**
 * Normalised text without its how-to questions: what the customer states rather than asks about. "How do I
 * scan uploads for malware?" reports no malware; "Our laptop got malware from your installer." does.
 */
export function withoutHowToQuestions(text: string, signs: QuestionSigns): string {
  if (signs.openings.length === 0 || !/[?؟]/.test(text)) return text;
  return (text.match(SENTENCE) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => !isHowTo(sentence, signs))
    .join(' ');
}
