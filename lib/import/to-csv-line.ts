/**
 * One CSV line with `;` (what Excel expects in Belgium), quoting where needed. A value that
 * starts like a formula is prefixed with ' so a spreadsheet shows it instead of running it.
 */
export function toCsvLine(values: string[]): string {
  return `${values
    .map((value) => {
      const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(";")}\r\n`;
}
