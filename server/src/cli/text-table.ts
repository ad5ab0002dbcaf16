/** A plain-text table for terminal reports; numeric-looking cells are right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const isNumeric = (cell: string) => /^[\d\s.,–-]+$/.test(cell);
  const line = (row: string[]) =>
    row
      .map((cell, column) => (isNumeric(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}
