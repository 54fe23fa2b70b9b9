import { compilePhrase, wordKey } from './phrases';
import type { PhraseMatcher } from './phrases';
import type { QuestionSigns } from './questions';
import type { Level, Rules, Trigger } from './schema';

export interface CompiledTrigger {
  trigger: Trigger;
  priority: ReadonlySet<string>;
  status: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  phrases: readonly (PhraseMatcher & { phrase: string })[];
}

export interface CompiledRules {
  /** Highest urgency first: "2 - High" is read by the first level that names one of its words. */
  priorities: readonly { level: Level; names: ReadonlySet<string> }[];
  triggers: readonly CompiledTrigger[];
  /** How-to questions' openings and the words that make one a report, every language together. */
  questions: QuestionSigns;
}

const URGENCY_ORDER: readonly Level[] = ['high', 'medium', 'low'];

function keys(values: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((values ?? []).map(wordKey).filter(Boolean));
}

function matchers(byLanguage: Readonly<Record<string, readonly string[]>> | undefined): PhraseMatcher[] {
  return Object.values(byLanguage ?? {}).flatMap((list) => list.flatMap((phrase) => compilePhrase(phrase) ?? []));
}

function compileTrigger(trigger: Trigger): CompiledTrigger {
  return {
    trigger,
    priority: keys(trigger.priority),
    status: keys(trigger.status),
    tags: keys(trigger.tags),
    phrases: Object.values(trigger.phrases ?? {}).flatMap((list) =>
      list.flatMap((phrase) => {
        const matcher = compilePhrase(phrase);
        return matcher ? [{ phrase, ...matcher }] : [];
      }),
    ),
  };
}

// The sidebar evaluates the same rules object on every ticket and clock tick: patterns are built once.
const cache = new WeakMap<Rules, CompiledRules>();

export function compileRules(rules: Rules): CompiledRules {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = {
      priorities: URGENCY_ORDER.map((level) => ({ level, names: keys(rules.priorities[level]) })),
      triggers: rules.triggers.map(compileTrigger),
      questions: { openings: matchers(rules.questions), reports: matchers(rules.reports) },
    };
    cache.set(rules, compiled);
  }
  return compiled;
}

/** Whether a helpdesk value ("1 - Critical", "On-hold") is one of `names`, as a whole or by one of its words. */
export function isNamed(value: string, names: ReadonlySet<string>): boolean {
  const key = wordKey(value);
  return key !== '' && (names.has(key) || key.split(' ').some((word) => names.has(word)));
}
