import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { buildIndex, type KnowledgeIndex, suggestForTicket } from '../../src/search/engine';
import { processTerm } from '../../src/text/analyze';

let index: KnowledgeIndex;

beforeAll(async () => {
  index = buildIndex(await loadKnowledge('tests/fixtures/kb/hebrew'));
});

const best = (text: string) => suggestForTicket(index, { subject: '', latestMessage: text, thread: text })[0];

describe('Hebrew search', () => {
  it('meets a word behind prefix letters and in its plural, with final letters folded', () => {
    // החשבונות ("the accounts") and החשבון ("the account") meet at חשבונ.
    expect(processTerm('החשבונות')).toBe(processTerm('החשבון'));
    expect(best('למה החשבונות שלנו נעולים')?.id).toBe('he-account-locked');
    // הכספים ("the money", plural) and הכסף meet at כספ: the final ף is folded.
    expect(processTerm('הכספים')).toBe(processTerm('כסף'));
    expect(best('איך מקבלים את הכספים בחזרה')?.id).toBe('he-refund');
  });

  it('judges the prefixes of a singular and its plural on the same letters', () => {
    expect(processTerm('משתמשים')).toBe(processTerm('משתמש'));
    expect(best('איך למחוק משתמשים')?.id).toBe('he-delete-account');
  });

  it('finds articles through the words the ticket shares with them, with the words that matched', () => {
    const suggestion = best('רוצה לשנות את הסיסמה שלי');
    expect(suggestion?.id).toBe('he-password');
    expect(suggestion?.terms).toContain('הסיסמה');
    expect(best('לא מוצא את החשבונית של החודש')?.id).toBe('he-invoices');
  });

  it('lets letter trigrams join forms that stemming leaves apart', () => {
    // מחיר loses its own מ as if it were a prefix, and תוכניות keeps a ו that תוכנית lacks: neither pair
    // meets as a word, but they share most letter trigrams.
    expect(processTerm('המחירים')).not.toBe(processTerm('מחיר'));
    expect(best('כמה עולים המחירים של התוכניות')?.id).toBe('he-plans');
  });
});
