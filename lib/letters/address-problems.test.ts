import { describe, expect, it } from "vitest";
import { addressProblems } from "./address-problems";

const ok = {
  firstName: "Lotte",
  lastName: "Vermeulen",
  street: "Kerkstraat 12",
  postalCode: "8760",
  city: "Meulebeke",
};

describe("addressProblems", () => {
  it("accepts a complete Belgian address, accents and Polish or Turkish letters included", () => {
    expect(addressProblems(ok)).toEqual([]);
    expect(addressProblems({ ...ok, firstName: "Łukasz", lastName: "Yılmaz-Ökçü" })).toEqual([]);
    expect(addressProblems({ ...ok, street: "Улица Ленина 5", country: "BG", postalCode: "1000" })).toEqual(
      [],
    );
  });

  it("lists a missing street, postal code or city, and a Belgian postal code that is not four digits", () => {
    expect(addressProblems({ ...ok, street: " ", postalCode: null, city: "" })).toEqual([
      "missing_street",
      "missing_postal_code",
      "missing_city",
    ]);
    expect(addressProblems({ ...ok, postalCode: "876" })).toEqual(["invalid_postal_code"]);
    expect(addressProblems({ ...ok, postalCode: "75001", country: "FR" })).toEqual([]);
  });

  it("lists lines too long for the window and characters the letter font cannot print", () => {
    expect(addressProblems({ ...ok, street: `${"Lange ".repeat(14)}straat 1` })).toEqual(["line_too_long"]);
    expect(addressProblems({ ...ok, lastName: "山田" })).toEqual(["unprintable_characters"]);
    expect(addressProblems({ ...ok, city: "القاهرة" })).toEqual(["unprintable_characters"]);
  });
});
