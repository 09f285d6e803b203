// Library cards and item barcodes: digit strings with a Luhn check digit, as the barcode
// readers at the desk expect. Numbers come from a bijection of the row's index, so they look
// scattered yet never collide, without a lookup table.

const SERIAL_SPACE = 100_000_000;

/** A 14-digit library card, or the 10-digit card of the previous library system. */
export function libraryCardNumber(index: number, seed: number, legacy: boolean): string {
  const serial = scatter(index, seed, 61_803_399).toString().padStart(8, "0");
  return withCheckDigit(legacy ? `9${serial}` : `27600${serial}`);
}

/** A 14-digit item barcode. */
export function itemBarcode(index: number, seed: number): string {
  return withCheckDigit(`37600${scatter(index, seed, 38_196_601).toString().padStart(8, "0")}`);
}

function scatter(index: number, seed: number, multiplier: number): number {
  if (index >= SERIAL_SPACE) throw new Error(`Too many rows for 8-digit serials: ${index}`);
  // multiplier is coprime with 10^8, so index -> serial is one-to-one.
  // Products stay below 2^53, so plain numbers are exact.
  const offset = (Math.abs(seed % SERIAL_SPACE) * 7_919) % SERIAL_SPACE;
  return (index * multiplier + offset) % SERIAL_SPACE;
}

export function withCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}
