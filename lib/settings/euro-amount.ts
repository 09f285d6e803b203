/**
 * Euro amounts as staff type them: "5", "5,00", "5.00", "€ 5,00", "0,5" (a comma or a point
 * before at most two decimals; no thousands separators). Returns cents, negative when typed
 * with a minus (the callers' bounds refuse it with their own words), or null when the text is
 * not an amount at all.
 */
export function parseEuroCents(text: string): number | null {
  const match = /^(-)?\s*(?:€\s*)?(\d{1,7})(?:[.,](\d{1,2}))?\s*(?:€)?$/.exec(text.trim());
  if (!match) return null;
  const [, minus, euros, decimals = ""] = match;
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, "0"));
  return minus ? -cents : cents;
}

/** Cents as the field shows them for editing: "5,00" in Dutch, "5.00" in English. */
export function euroInputText(cents: number, locale: string): string {
  const text = (cents / 100).toFixed(2);
  return locale === "en" ? text : text.replace(".", ",");
}
