import { ara, eng, heb } from 'stopword';
import { normalize } from './normalize';
import type { Script } from './script';

// The packaged lists come from general text (the Arabic one from news): they hold negations, which decide
// what a support question means ("card not arriving"), and time, number and news words ("days", "today",
// "visit", "announced") that are content in a support question. Keeping them measured better.
const KEEP: Readonly<Record<'latin' | 'arabic', readonly string[]>> = {
  latin: ['never', 'still', 'before', 'after'],
  arabic: [
    'لا', 'لم', 'لن', 'ليس', 'غير', 'عدم',
    'الوقت', 'اليوم', 'ايام', 'يوم', 'عام', 'عاما', 'سنة', 'سنوات', 'صباح', 'مساء', 'امس', 'غدا', 'حاليا',
    'الماضي', 'المقبل', 'الاول', 'الاولى', 'الثاني', 'الثانية', 'الاخيرة', 'السابق', 'نهاية', 'ايار', 'مايو',
    'مليون', 'مليار', 'صفر', 'واحد', 'احد', 'ثلاثة', 'اربعة', 'عشرة', 'عشر', 'عدد', 'عدة',
    'زيارة', 'اعادة', 'قوة', 'برس', 'لوكالة', 'اعلنت', 'اكد', 'واكد', 'واضاف', 'واضافت', 'واوضح',
    'اثر', 'اطار', 'باسم', 'بسبب',
  ],
};

// Lists are folded like indexed text (diacritics off, alef/yeh/teh marbuta folded) so that they compare equal.
function stopSet(words: readonly string[], keep: readonly string[] = []): ReadonlySet<string> {
  const kept = new Set(keep.map(normalize));
  return new Set(words.map(normalize).filter((word) => word && !kept.has(word)));
}

const STOP_WORDS: Readonly<Record<Script, ReadonlySet<string>>> = {
  latin: stopSet(eng, KEEP.latin),
  arabic: stopSet(ara, KEEP.arabic),
  hebrew: stopSet(heb),
  other: new Set(),
};

/** `term` is a normalized token of the given script. */
export function isStopWord(term: string, script: Script): boolean {
  return STOP_WORDS[script].has(term);
}
