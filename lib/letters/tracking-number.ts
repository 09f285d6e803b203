/**
 * A registered letter's tracking number as the post prints it under its barcode (UPU S10:
 * two letters, eight digits and a check digit, two letters, e.g. "RR123456785BE"), typed or
 * scanned. Spaces and lower case are forgiven; a wrong check digit (a typo) is refused.
 */
export function parseTrackingNumber(raw: string): string | null {
  const value = raw.replace(/[\s-]/g, "").toUpperCase();
  const match = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value);
  if (!match) return null;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...match[2]].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  const check = 11 - (sum % 11);
  const expected = check === 10 ? 0 : check === 11 ? 5 : check;
  return Number(match[3]) === expected ? value : null;
}
