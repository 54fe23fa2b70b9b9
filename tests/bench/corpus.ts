import type { Article } from '../../src/model/article';
import type { Ticket } from '../../src/model/ticket';

/**
 * A synthetic knowledge base at any scale, built only from text the project owns. Word frequencies follow
 * Zipf's law over a vocabulary that starts with the real words of `knowledge/` (by their frequency there,
 * so function words lead) and continues with generated words in the same script; each article also belongs
 * to a topic (a few dozen mid-frequency and rare words it repeats) and carries rare terms of its own
 * (product names, error codes, versions). Articles are 150-600 words, in English, Arabic and Hebrew.
 * The point is the shape an inverted index meets in a real help centre: a few words in most documents,
 * most words in few, and queries that mix both.
 */

/** A small deterministic PRNG, so every bench run measures the same corpus. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type Language = 'en' | 'ar' | 'he';

/** Share of articles per language. */
const LANGUAGES: readonly (readonly [Language, number])[] = [
  ['en', 0.7],
  ['ar', 0.2],
  ['he', 0.1],
];
const ZIPF_EXPONENT = 1.05;
const MIN_WORDS = 150;
const MAX_WORDS = 600;
const ARTICLES_PER_TOPIC = 25;
const TOPIC_WORDS = 40;
const TOPIC_SHARE = 0.2;
// Ranks below this are the function words and everyday words of the language.
const COMMON_RANKS = 150;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
function zipf(n: number, s = ZIPF_EXPONENT): (random: Random) => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative[i] = sum += 1 / (i + 1) ** s;
  return (random) => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES: Readonly<Record<Language, { onsets: string[]; vowels: string[]; codas: string[] }>> = {
  en: {
    onsets: 'b c d f g h j k l m n p r s t v w z br cl dr fl gr pl pr sk sl sp st tr ch sh th'.split(' '),
    vowels: 'a e i o u ai ea ou io ee'.split(' '),
    codas: ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'x'],
  },
  ar: {
    onsets: 'ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه'.split(' '),
    vowels: ['ا', 'و', 'ي', '', ''],
    codas: ['', '', 'ن', 'ر', 'ل', 'م', 'ب', 'د'],
  },
  he: {
    onsets: 'ב ג ד ז ח ט כ ל מ נ ס ע פ צ ק ר ש ת'.split(' '),
    vowels: ['ו', 'י', '', '', 'א'],
    codas: ['', '', 'ן', 'ר', 'ל', 'ם', 'ת', 'ד'],
  },
};
const AFFIXES: Readonly<Record<Language, { prefixes: string[]; suffixes: string[] }>> = {
  en: { prefixes: [''], suffixes: ['', '', '', 's', 'ed', 'ing', 'er', 'ion'] },
  ar: { prefixes: ['', '', '', 'ال', 'و', 'ب', 'وال', 'لل'], suffixes: ['', '', '', 'ات', 'ها', 'ي', 'ون', 'ة', 'ية'] },
  he: { prefixes: ['', '', '', 'ה', 'ו', 'ב', 'ל', 'ש', 'מ'], suffixes: ['', '', '', 'ים', 'ות', 'ה'] },
};

function generatedWord(random: Random, language: Language): string {
  const { onsets, vowels, codas } = SYLLABLES[language];
  let stem = '';
  for (let i = between(random, 2, 3); i > 0; i--) stem += pick(random, onsets) + pick(random, vowels) + (i === 1 ? pick(random, codas) : '');
  const { prefixes, suffixes } = AFFIXES[language];
  return pick(random, prefixes) + stem + pick(random, suffixes);
}

// Letters with their marks (Arabic vowel signs) and inner apostrophes ("don't").
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;
const SCRIPT: Readonly<Record<Language, RegExp>> = {
  en: /^[\p{Script=Latin}'’]+$/u,
  ar: /^[\p{Script=Arabic}\p{M}]+$/u,
  he: /^[\p{Script=Hebrew}\p{M}]+$/u,
};

/** The real words of the source articles in one language, most frequent first. */
function realWords(source: readonly Article[], language: Language): string[] {
  const counts = new Map<string, number>();
  for (const article of source) {
    if ((article.locale ?? 'en') !== language) continue;
    for (const [word] of `${article.title} ${article.body}`.toLowerCase().matchAll(WORD)) {
      if (SCRIPT[language].test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

interface Vocabulary {
  words: string[];
  sample: (random: Random) => string;
}

/** Real words first, then generated ones: the vocabulary grows with the corpus, as real vocabularies do. */
function vocabulary(source: readonly Article[], language: Language, articles: number, random: Random): Vocabulary {
  const words = realWords(source, language);
  const seen = new Set(words);
  const target = words.length + 5_000 + 2 * articles;
  while (words.length < target) {
    const word = generatedWord(random, language);
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  const rank = zipf(words.length);
  return { words, sample: (r) => words[rank(r)] as string };
}

function productName(random: Random): string {
  const word = generatedWord(random, 'en');
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return random() < 0.3 ? `${name} ${pick(random, ['Pro', 'Sync', 'Hub', 'Cloud', 'Go', 'Connect', 'Desk', '360'])}` : name;
}

function code(random: Random): string {
  const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, '0');
  switch (Math.floor(random() * 5)) {
    case 0:
      return `E-${digits(4)}`;
    case 1:
      return `ERR_${generatedWord(random, 'en').toUpperCase()}_${digits(2)}`;
    case 2:
      return `0x${Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')}`;
    case 3:
      return `v${between(random, 1, 12)}.${between(random, 0, 20)}.${between(random, 0, 9)}`;
    default:
      return pick(random, ['400', '401', '403', '404', '409', '413', '422', '429', '500', '502', '503', '504']);
  }
}

interface Topic {
  words: string[];
  sample: (random: Random) => string;
  products: string[];
}

function topic(random: Random, vocab: Vocabulary, products: readonly string[]): Topic {
  const words: string[] = [];
  // Log-uniform ranks from just past the everyday words to the far tail.
  const low = Math.log(COMMON_RANKS);
  const high = Math.log(vocab.words.length);
  while (words.length < TOPIC_WORDS) words.push(vocab.words[Math.floor(Math.exp(low + random() * (high - low)))] as string);
  const rank = zipf(words.length, 1);
  return { words, sample: (r) => words[rank(r)] as string, products: [pick(random, products), pick(random, products)] };
}

/** A generated article and the rare terms it was given, for building queries that it should answer. */
export interface BenchArticle extends Article {
  locale: Language;
  codes: string[];
}

export interface BenchCorpus {
  articles: BenchArticle[];
  vocabularies: Readonly<Record<Language, Vocabulary>>;
}

function sentence(words: readonly string[], language: Language): string {
  const text = words.join(' ');
  return `${language === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text}.`;
}

/** `size` articles, the same for the same size and seed. */
export function benchCorpus(source: readonly Article[], size: number, seed = 7): BenchCorpus {
  const random = prng(seed);
  const products = Array.from({ length: Math.max(50, Math.floor(size / 20)) }, () => productName(random));
  const vocabularies = Object.fromEntries(
    LANGUAGES.map(([language, share]) => [language, vocabulary(source, language, Math.ceil(size * share), random)]),
  ) as Record<Language, Vocabulary>;
  const topics = Object.fromEntries(
    LANGUAGES.map(([language, share]) => {
      const count = Math.max(4, Math.ceil((size * share) / ARTICLES_PER_TOPIC));
      return [language, Array.from({ length: count }, () => topic(random, vocabularies[language], products))];
    }),
  ) as Record<Language, Topic[]>;

  const articles: BenchArticle[] = [];
  for (let i = 0; i < size; i++) {
    const roll = random();
    let language: Language = 'en';
    let acc = 0;
    for (const [candidate, share] of LANGUAGES) {
      acc += share;
      if (roll < acc) {
        language = candidate;
        break;
      }
    }
    const vocab = vocabularies[language];
    const subject = pick(random, topics[language]);
    const codes = Array.from({ length: between(random, 0, 3) }, () => code(random));
    const special = [...subject.products, ...codes];
    const length = MIN_WORDS + Math.floor((MAX_WORDS - MIN_WORDS) * random() ** 1.5);
    const titleWords = Array.from({ length: between(random, 3, 7) }, () => (random() < 0.7 ? subject.sample(random) : vocab.sample(random)));
    if (random() < 0.3) titleWords.push(pick(random, special));

    let words = 0;
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    while (words < length) {
      const count = between(random, 6, 22);
      const sentenceWords: string[] = [];
      for (let j = 0; j < count; j++) {
        const r = random();
        sentenceWords.push(r < 0.01 && special.length ? pick(random, special) : r < TOPIC_SHARE ? subject.sample(random) : vocab.sample(random));
      }
      words += sentenceWords.length;
      paragraph.push(sentence(sentenceWords, language));
      if (paragraph.length >= between(random, 2, 6)) {
        paragraphs.push(random() < 0.2 ? paragraph.map((s) => `- ${s}`).join('\n') : paragraph.join(' '));
        paragraph = [];
      }
    }
    if (paragraph.length) paragraphs.push(paragraph.join(' '));
    articles.push({
      id: `bench-${i}`,
      title: sentence(titleWords, language).slice(0, -1),
      body: paragraphs.join('\n\n'),
      tags: [pick(random, subject.words), pick(random, subject.words)],
      locale: language,
      codes,
    });
  }
  return { articles, vocabularies };
}

const GREETINGS: Readonly<Record<Language, readonly string[]>> = { en: ['Hi,', 'Hello team,', 'Dear support,'], ar: ['مرحبا،', 'السلام عليكم،'], he: ['שלום,', 'היי,'] };
const SIGN_OFFS: Readonly<Record<Language, readonly string[]>> = { en: ['Thanks,\nAlex', 'Regards,\nSam Lee\nACME Ltd'], ar: ['شكرا\nسارة'], he: ['תודה\nדנה'] };

export interface BenchTicket {
  ticket: Pick<Ticket, 'subject' | 'latestMessage' | 'thread'>;
  /** The article the ticket was written from. */
  id: string;
}

/** The article's words in order, lower-cased (product names and codes as written). */
function wordsOf(article: BenchArticle): string[] {
  return `${article.title} ${article.body}`
    .split(/[\s.]+/)
    .map((word) => word.replace(/^-$/, ''))
    .filter(Boolean)
    .map((word) => (/\d/.test(word) ? word : word.toLowerCase()));
}

/** A word the article uses, mostly not one of the language's everyday words. */
function contentWord(random: Random, words: readonly string[], common: ReadonlySet<string>): string {
  for (let tries = 0; tries < 5; tries++) {
    const word = pick(random, words);
    if (!common.has(word)) return word;
  }
  return pick(random, words);
}

// Share of a customer's or agent's words that come out mistyped.
const TYPO_SHARE = 0.05;

/** A slip of the keyboard on a word of five letters or more: one letter dropped, doubled, or swapped with the next. */
function slip(random: Random, word: string): string {
  const letters = [...word];
  if (letters.length < 5 || random() >= TYPO_SHARE) return word;
  const i = between(random, 1, letters.length - 2);
  const kind = random();
  if (kind < 1 / 3) letters.splice(i, 1);
  else if (kind < 2 / 3) letters.splice(i, 0, letters[i] as string);
  else [letters[i], letters[i + 1]] = [letters[i + 1] as string, letters[i] as string];
  return letters.join('');
}

function commonWords(corpus: BenchCorpus): Record<Language, Set<string>> {
  const { vocabularies: v } = corpus;
  return { en: new Set(v.en.words.slice(0, COMMON_RANKS)), ar: new Set(v.ar.words.slice(0, COMMON_RANKS)), he: new Set(v.he.words.slice(0, COMMON_RANKS)) };
}

/**
 * Tickets as customers write them about an article: a short subject of its words, then a message in which
 * about half the words are the article's and the rest everyday language, sometimes quoting one of its codes,
 * between a greeting and a signature; the thread adds an older agent reply. One word in twenty of five
 * letters or more is mistyped.
 */
export function benchTickets(corpus: BenchCorpus, count: number, seed = 11): BenchTicket[] {
  const random = prng(seed);
  const common = commonWords(corpus);
  return Array.from({ length: count }, () => {
    const article = pick(random, corpus.articles);
    const language = article.locale;
    const vocab = corpus.vocabularies[language];
    const words = wordsOf(article);
    const subject = Array.from({ length: between(random, 3, 6) }, () => slip(random, contentWord(random, words, common[language]))).join(' ');
    const sentences = Array.from({ length: between(random, 2, 5) }, () =>
      sentence(
        Array.from({ length: between(random, 8, 20) }, () => slip(random, random() < 0.45 ? pick(random, words) : vocab.sample(random))),
        language,
      ),
    );
    if (article.codes.length && random() < 0.4) sentences.push(pick(random, article.codes));
    const latestMessage = [pick(random, GREETINGS[language]), sentences.join(' '), pick(random, SIGN_OFFS[language])].join('\n');
    const older = Array.from({ length: between(random, 1, 3) }, () =>
      sentence(Array.from({ length: between(random, 8, 16) }, () => vocab.sample(random)), language),
    ).join(' ');
    return { ticket: { subject, latestMessage, thread: `${latestMessage}\n\n${older}` }, id: article.id };
  });
}

/** What agents type in the lookup box: one to three of an article's words, the last one sometimes half typed, some mistyped. */
export function benchTyped(corpus: BenchCorpus, count: number, seed = 13): string[] {
  const random = prng(seed);
  const common = commonWords(corpus);
  return Array.from({ length: count }, () => {
    const article = pick(random, corpus.articles);
    const own = wordsOf(article);
    const words = Array.from({ length: between(random, 1, 3) }, () => slip(random, contentWord(random, own, common[article.locale])));
    const last = words.at(-1) ?? '';
    if (random() < 0.3 && last.length > 4) words[words.length - 1] = last.slice(0, between(random, 3, last.length - 1));
    return words.join(' ');
  });
}
