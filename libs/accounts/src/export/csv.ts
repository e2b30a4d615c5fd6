/** A cell: text, a number, or null (an empty cell). */
export type CsvValue = string | number | null;

/** Leading characters a spreadsheet would read as a formula (OWASP's list of CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula gets a leading `'`;
 * numbers are written as they are (a negative change stays a number).
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CRLF-terminated line. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
