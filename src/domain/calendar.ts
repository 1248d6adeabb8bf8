import { addDays, weekday } from './dates.js';

/**
 * Working days. For now the calendar knows weekends only; public holidays
 * and decreed transfers come as data in a later step (lifecycle.md).
 */
export function isWorkingDay(date: string): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/** The n-th working day after `date` (n ≥ 1). */
export function addWorkingDays(date: string, n: number): string {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}
