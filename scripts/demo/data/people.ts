// Names and mail domains that make the demo's patrons look like a West Flemish library's.
// Faker supplies first names (and nl_BE surnames); its nl_BE surname list has 32 entries and
// its fr_BE and en lists mix in invented names, hence the lists below.

/** Common Flemish surnames, West Flemish ones first; a few of newer Flemish families. */
// biome-ignore format: a list reads best packed
export const FLEMISH_SURNAMES = [
  "Vandenberghe", "Vanneste", "Desmet", "Verhaeghe", "Debruyne", "Vermeulen", "Devos", "Claeys",
  "Maes", "Goethals", "Mortier", "Vercruysse", "Depoorter", "Lannoo", "Vandamme", "Verbeke",
  "Deprez", "Vanhoutte", "Vandewalle", "Vanhee", "Demeyer", "Dewulf", "Deleu", "Defever",
  "Vandekerckhove", "Vanlerberghe", "Callewaert", "Verschuere", "Decaluwé", "Vandenbussche",
  "Wyffels", "Lambrecht", "Deconinck", "Vanackere", "Derycke", "Degryse", "Verstraete",
  "Vanwynsberghe", "Opsomer", "Seynaeve", "Bossuyt", "Vanparys", "Cnockaert", "Lefevere",
  "Vervaeke", "Vanmaele", "Vandeputte", "Tanghe", "Bekaert", "Baert", "Coucke", "Catteeuw",
  "Hoste", "Ghekiere", "Vanhaverbeke", "Vanrobaeys", "Devriendt", "Verlinde", "Dejonghe",
  "Vandenbroucke", "Soenen", "Vuylsteke", "Vanthuyne", "Dhondt", "De Smet", "Van Damme",
  "De Clercq", "Pauwels", "Vermeersch", "Van de Velde", "De Backer", "Cools", "Dierickx",
  "Geerts", "Van Looy", "Vercammen", "Aerts", "Wuyts", "Verbruggen", "Segers", "Lauwers",
  "Hendrickx", "Bogaerts", "Van Dyck", "Cuypers", "Luyten", "Coppens", "Lenaerts", "Goris",
  "Nys", "Theunis", "Van Hecke", "Baeyens", "Stevens", "Van den Broeck", "El Amrani", "Yilmaz",
  "Benali", "Kaya", "Öztürk", "Nowak", "Kowalski",
] as const;

// biome-ignore format: a list reads best packed
export const FRENCH_BELGIAN_SURNAMES = [
  "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Dumont", "Lejeune",
  "Renard", "Mathieu", "Hubert", "François", "Gilles", "Denis", "Lemaire", "Jacquet", "Delvaux",
  "Collard", "Henrard", "Lecomte", "Leroy", "Petit", "Lefebvre", "Dufour", "Gérard", "Michel",
  "Thomas", "Fontaine", "Deschamps", "Bertrand", "Dethier", "Masson", "Noël", "Piron", "Goffin",
  "Bastin", "Delhaye", "Carlier", "Marchal", "Lemoine", "Poncelet", "Charlier", "Vandenbroucke",
  "Vanderstraeten", "Desmet", "Lejeune", "Claes",
] as const;

// biome-ignore format: a list reads best packed
export const ENGLISH_SURNAMES = [
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
  "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green",
  "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Cooper", "Hill",
  "Murphy", "Kelly", "O'Brien", "Walsh", "Ryan", "Byrne", "Miller", "Anderson", "Garcia",
  "Nguyen", "Schmidt", "Müller", "Rossi", "Kowalczyk", "Andersen",
] as const;

export type Weighted<T> = readonly (readonly [T, number])[];

// biome-ignore format: a list reads best packed
export const EMAIL_DOMAINS: Record<"nl" | "fr" | "en", Weighted<string>> = {
  nl: [
    ["telenet.be", 30], ["gmail.com", 32], ["hotmail.com", 12], ["skynet.be", 7], ["outlook.com", 5],
    ["proximus.be", 4], ["live.be", 3], ["icloud.com", 3], ["yahoo.com", 2], ["scarlet.be", 2],
  ],
  fr: [
    ["gmail.com", 35], ["skynet.be", 15], ["hotmail.com", 15], ["voo.be", 10], ["proximus.be", 8],
    ["outlook.com", 7], ["yahoo.fr", 5], ["live.be", 5],
  ],
  en: [["gmail.com", 50], ["outlook.com", 20], ["icloud.com", 15], ["yahoo.co.uk", 10], ["hotmail.co.uk", 5]],
};

/** Where dead addresses live: old provider domains and abandoned mailboxes. */
// biome-ignore format: a list reads best packed
export const DEAD_EMAIL_DOMAINS: Weighted<string> = [
  ["pandora.be", 40], ["skynet.be", 20], ["telenet.be", 25], ["hotmail.be", 15],
];

// biome-ignore format: a list reads best packed
export const BOUNCE_REASONS = [
  "de mailbox bestaat niet (550 5.1.1 user unknown)",
  "het domein bestaat niet meer (DNS: no MX record)",
  "de mailbox is opgeheven (550 5.1.1 mailbox unavailable)",
  "de mailbox is vol en neemt al maanden niets meer aan (552 5.2.2)",
] as const;
