import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/io/calendar.js';
import { TransitionError } from '../../src/errors.js';
import { checkAnswer, complaintDueOn, isOverdue, type Complaint } from '../../src/lifecycle/complaints.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';

const calendar = loadCalendar('rules');
const params = loadRuleSet('rules').parameters;

describe('complaint due dates in working days', () => {
  it('5 working days at the provider, 15 at the authority', () => {
    expect(complaintDueOn('2026-09-01', 'provider', calendar, params)).toBe('2026-09-08');
    expect(complaintDueOn('2026-09-01', 'authority', calendar, params)).toBe('2026-09-22');
  });
  it('skips holidays and their substitutes (Nauryz 2026, Constitution Day 2025)', () => {
    expect(complaintDueOn('2026-03-20', 'provider', calendar, params)).toBe('2026-04-01');
    expect(complaintDueOn('2026-03-20', 'authority', calendar, params)).toBe('2026-04-15');
    expect(complaintDueOn('2025-08-28', 'provider', calendar, params)).toBe('2025-09-05'); // Fri 29, Tue 2 … Fri 5; Mon 1 Sep off
  });
  it('is overdue only after the due day and only while unanswered', () => {
    expect(isOverdue({ dueOn: '2026-09-08', answeredOn: null }, '2026-09-08')).toBe(false);
    expect(isOverdue({ dueOn: '2026-09-08', answeredOn: null }, '2026-09-09')).toBe(true);
    expect(isOverdue({ dueOn: '2026-09-08', answeredOn: '2026-09-10' }, '2026-09-11')).toBe(false);
  });
  it('is answered once, not before it was filed', () => {
    const c: Complaint = { id: 'C-1', application: null, level: 'provider', filedOn: '2026-09-01', dueOn: '2026-09-08', subject: 's', filedBy: 'x', answeredOn: null, answeredBy: null };
    expect(() => checkAnswer(c, '2026-09-01')).not.toThrow();
    expect(() => checkAnswer(c, '2026-08-31')).toThrow(TransitionError);
    expect(() => checkAnswer({ ...c, answeredOn: '2026-09-02' }, '2026-09-03')).toThrow(/already answered/);
  });
});
