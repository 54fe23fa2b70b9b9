import { describe, expect, it } from 'vitest';
import { formatRelativeMinutes, formatTarget, slaState } from '../../src/escalation/sla';

describe('SLA wording', () => {
  it.each([
    [42, 'en', 'in 42 minutes'],
    [-90, 'en', '90 minutes ago'],
    [180, 'en', 'in 3 hours'],
    [-3 * 24 * 60 - 5, 'en', '3 days ago'],
    [42, 'ar', 'خلال 42 دقيقة'],
    [-3 * 24 * 60, 'ar', 'قبل 3 أيام'],
    [42, 'he', 'בעוד 42 דקות'],
    [-3 * 24 * 60, 'he', 'לפני 3 ימים'],
  ])('%i minutes from now in %s: %s', (minutes, locale, expected) => {
    expect(formatRelativeMinutes(minutes, locale)).toBe(expected);
  });

  it('names response targets in whole units, with Latin digits', () => {
    expect(formatTarget(15, 'en')).toBe('15 minutes');
    expect(formatTarget(90, 'en')).toBe('90 minutes');
    expect(formatTarget(480, 'en')).toBe('8 hours');
    expect(formatTarget(1440, 'en')).toBe('1 day');
    expect(formatTarget(15, 'ar')).toBe('15 دقيقة');
    expect(formatTarget(480, 'he')).toBe('8 שעות');
  });

  it('counts from creation', () => {
    expect(slaState(60, '2026-11-20T10:00:00Z', new Date('2026-11-20T10:30:30Z'))).toEqual({
      targetMinutes: 60,
      dueAt: '2026-11-20T11:00:00.000Z',
      remainingMinutes: 29,
      breached: false,
    });
  });
});
