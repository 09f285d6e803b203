/** Why a patron's postal address cannot go on an envelope, as codes the page translates. */
export type AddressProblem =
  | "missing_street"
  | "missing_postal_code"
  | "missing_city"
  | "invalid_postal_code"
  | "line_too_long"
  | "unprintable_characters";

/** Longer than this, a line wraps more than twice in the 90 mm window and may leave it. */
export const MAX_ADDRESS_LINE = 70;

// The letter font (Noto Sans) covers Latin, Greek and Cyrillic; anything else would print as
// empty boxes, so such an address is listed as a problem instead of printed.
const PRINTABLE =
  /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]*$/u;

type Address = {
  firstName?: string | null;
  lastName?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
};

/**
 * The problems that keep a letter from being printed for this address: a missing street,
 * postal code or city, a Belgian postal code that is not four digits, a line too long for the
 * envelope window, characters the letter font cannot print. Empty = usable.
 */
export function addressProblems(address: Address): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const street = address.street?.trim() ?? "";
  const postalCode = address.postalCode?.trim() ?? "";
  const city = address.city?.trim() ?? "";
  const country = (address.country?.trim() || "BE").toUpperCase();
  if (!street) problems.push("missing_street");
  if (!postalCode) problems.push("missing_postal_code");
  else if (country === "BE" && !/^[1-9]\d{3}$/.test(postalCode)) problems.push("invalid_postal_code");
  if (!city) problems.push("missing_city");
  const name = [address.firstName?.trim(), address.lastName?.trim()].filter(Boolean).join(" ");
  const lines = [name, street, `${postalCode} ${city}`.trim()];
  if (lines.some((line) => line.length > MAX_ADDRESS_LINE)) problems.push("line_too_long");
  if (!lines.every((line) => PRINTABLE.test(line))) problems.push("unprintable_characters");
  return problems;
}
