/**
 * Today in Moscow as ГГГГ-ММ-ДД. Report deadlines are days, and a region far to the east submits
 * «by 20 June» in its morning while the server's UTC is still on the 19th: one clock for
 * everybody, the one federal deadlines are set in.
 */
export function moscowToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(now);
}

/** The academic year a day (ГГГГ-ММ-ДД) falls in: September starts the next one. */
export function academicYearOn(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}
