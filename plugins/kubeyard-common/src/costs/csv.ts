/** One CSV field, quoted per RFC 4180 when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text from outside (Group titles, namespace names) that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe, as OWASP advises for CSV exports.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV document: a header line, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Readonly<Record<string, string | undefined>>>): string {
  const lines = [columns, ...rows.map(row => columns.map(column => row[column] ?? ''))];
  return lines.map(cells => `${cells.map(csvField).join(',')}\r\n`).join('');
}
