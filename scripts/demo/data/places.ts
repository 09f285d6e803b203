// The demo library's region: the towns around its three branches, with their real postal
// codes, and street names found in nearly every Flemish town.

export type Town = { postalCode: string; city: string; weight: number };

/** Home towns of each branch's patrons, by branch ilsCode. */
export const TOWNS_BY_BRANCH: Record<string, readonly Town[]> = {
  MEU: [
    { postalCode: "8760", city: "Meulebeke", weight: 50 },
    { postalCode: "8700", city: "Tielt", weight: 12 },
    { postalCode: "8740", city: "Pittem", weight: 10 },
    { postalCode: "8780", city: "Oostrozebeke", weight: 8 },
    { postalCode: "8720", city: "Dentergem", weight: 5 },
    { postalCode: "8850", city: "Ardooie", weight: 5 },
    { postalCode: "8740", city: "Egem", weight: 3 },
    { postalCode: "8720", city: "Wakken", weight: 3 },
  ],
  ING: [
    { postalCode: "8770", city: "Ingelmunster", weight: 55 },
    { postalCode: "8870", city: "Izegem", weight: 15 },
    { postalCode: "8860", city: "Lendelede", weight: 8 },
    { postalCode: "8780", city: "Oostrozebeke", weight: 7 },
    { postalCode: "8870", city: "Emelgem", weight: 5 },
    { postalCode: "8800", city: "Rumbeke", weight: 5 },
    { postalCode: "8870", city: "Kachtem", weight: 3 },
  ],
  HAR: [
    { postalCode: "8530", city: "Harelbeke", weight: 45 },
    { postalCode: "8520", city: "Kuurne", weight: 14 },
    { postalCode: "8500", city: "Kortrijk", weight: 10 },
    { postalCode: "8550", city: "Zwevegem", weight: 7 },
    { postalCode: "8531", city: "Bavikhove", weight: 6 },
    { postalCode: "8540", city: "Deerlijk", weight: 6 },
    { postalCode: "8531", city: "Hulste", weight: 5 },
    { postalCode: "8860", city: "Lendelede", weight: 3 },
  ],
};

/** French speakers partly live across the language border. */
// biome-ignore format: a list reads best packed
export const FRENCH_TOWNS: readonly Town[] = [
  { postalCode: "7700", city: "Mouscron", weight: 3 },
  { postalCode: "7711", city: "Dottignies", weight: 1 },
];

// biome-ignore format: a list reads best packed
export const FLEMISH_STREETS = [
  "Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat", "Schoolstraat",
  "Beekstraat", "Kapelstraat", "Veldstraat", "Hoogstraat", "Kasteelstraat", "Lindenlaan",
  "Meersstraat", "Rozenstraat", "Populierenlaan", "Eikenlaan", "Beukenlaan", "Berkenlaan",
  "Koning Albertstraat", "Koningin Astridlaan", "Sint-Jansstraat", "Brouwerijstraat", "Vlasstraat",
  "Leiestraat", "Leielaan", "Hazelaarstraat", "Zandstraat", "Broekstraat", "Heirweg", "Ooststraat",
  "Weststraat", "Noordstraat", "Zuidstraat", "Kouter", "Groenestraat", "Marktstraat",
  "Vrijheidstraat", "Tuinstraat", "Bosstraat", "Ommegangstraat", "Kloosterstraat", "Pastorijstraat",
  "Gemeenteplein", "Bruggestraat", "Gentsesteenweg", "Meiboomlaan", "Wilgenstraat", "Lijsterstraat",
  "Merelstraat", "Vinkenstraat", "Spoorweglaan", "Sportlaan", "Bergstraat", "Blekerijstraat",
  "Hondstraat", "Mandelstraat", "Ter Beke", "Hulstestraat", "Peperstraat", "Steenweg",
] as const;

// biome-ignore format: a list reads best packed
export const FRENCH_STREETS = [
  "Rue de la Station", "Rue du Christ", "Rue de Tourcoing", "Rue de Menin", "Grand'Place",
  "Rue du Midi", "Rue de la Marlière", "Rue des Prés", "Chaussée de Luingne", "Rue de Roubaix",
  "Rue de l'Église", "Rue Saint-Pierre", "Avenue Royale", "Rue du Moulin", "Rue de la Paix",
] as const;

/** Belgian mobile prefixes (0470-0499 range in use) and the region's landline zones. */
// biome-ignore format: a list reads best packed
export const MOBILE_PREFIXES = [
  "0470", "0471", "0472", "0473", "0474", "0475", "0476", "0477", "0478", "0479",
  "0483", "0484", "0485", "0486", "0487", "0488", "0489", "0491", "0492", "0493", "0494",
  "0495", "0496", "0497", "0498", "0499", "0465", "0466", "0467", "0468",
] as const;

export const LANDLINE_ZONE_BY_BRANCH: Record<string, string> = { MEU: "051", ING: "051", HAR: "056" };
