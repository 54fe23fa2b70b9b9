import type { PhraseMatcher } from './phrases';

// A sentence runs to . ! ? ؟ or a line break, and keeps its closing marks.
const SENTENCE = /[^.!?؟\n]+[.!?؟]*/g;
const ASKS = /[?؟]$/;

/** A how-to question: it ends with a question mark and starts with one of the openings ("how do", "كيف"). */
function isHowTo(sentence: string, openings: readonly PhraseMatcher[]): boolean {
  if (!ASKS.test(sentence)) return false;
  return openings.some(({ pattern, needle }) => sentence.includes(needle) && pattern.exec(sentence)?.index === 0);
}

/**
 * Normalised text without its how-to questions: what the customer states rather than asks about. "How do I
 * scan uploads for malware?" reports no malware; "Our laptop got malware from your installer." does.
 */
export function withoutHowToQuestions(text: string, openings: readonly PhraseMatcher[]): string {
  if (openings.length === 0 || !/[?؟]/.test(text)) return text;
  return (text.match(SENTENCE) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => !isHowTo(sentence, openings))
    .join(' ');
}
