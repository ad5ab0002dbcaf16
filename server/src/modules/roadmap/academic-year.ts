/** An academic year, named by its start year, runs from September to the next August. */
export function academicYearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-09-01`, to: `${year + 1}-08-31` };
}
