// A public library's shelves in miniature: Flemish, Dutch, French and English books, youth
// books, comics (the long Flemish series are the bulk of many collections) and DVDs.

export type ItemKind = "book" | "youth" | "comic" | "dvd";
export type CatalogueEntry = { title: string; author: string; kind: ItemKind; priceCents: number };

// "title|author|price in cents"
// biome-ignore format: one record per line reads best
const BOOKS = [
  "Het verdriet van België|Hugo Claus|2499", "De geruchten|Hugo Claus|1999",
  "Sprakeloos|Tom Lanoye|2299", "Het derde huwelijk|Tom Lanoye|1999", "Gelukkige slaven|Tom Lanoye|2299",
  "De helaasheid der dingen|Dimitri Verhulst|1799", "Godverdomse dagen op een godverdomse bol|Dimitri Verhulst|1799",
  "Mevrouw Verona daalt de heuvel af|Dimitri Verhulst|1699",
  "Oorlog en terpentijn|Stefan Hertmans|2299", "De bekeerlinge|Stefan Hertmans|2299", "De opgang|Stefan Hertmans|2499",
  "Wil|Jeroen Olyslaegers|2299", "Congo. Een geschiedenis|David Van Reybrouck|2999", "Revolusi|David Van Reybrouck|3499",
  "Vele hemels boven de zevende|Griet Op de Beeck|2199", "Kom hier dat ik u kus|Griet Op de Beeck|2199",
  "Het beste wat we hebben|Griet Op de Beeck|2199", "Het smelt|Lize Spit|2299", "Ik ben er niet|Lize Spit|2299",
  "De Kapellekensbaan|Louis Paul Boon|2499", "De leeuw van Vlaanderen|Hendrik Conscience|1999",
  "Kaas|Willem Elsschot|1299", "Lijmen/Het been|Willem Elsschot|1499", "De Witte|Ernest Claes|1499",
  "Pallieter|Felix Timmermans|1699", "De vlaschaard|Stijn Streuvels|1999", "Wij en ik|Saskia De Coster|2199",
  "De Bourgondiërs|Bart Van Loo|3499", "Het vierkant van de wraak|Pieter Aspe|1999", "De Midasmoorden|Pieter Aspe|1999",
  "De zaak Alzheimer|Jef Geeraerts|1799", "Post voor mevrouw Bromley|Stefan Brijs|2299", "De engelenmaker|Stefan Brijs|1999",
  "Het diner|Herman Koch|1999", "Zomerhuis met zwembad|Herman Koch|1999", "De aanslag|Harry Mulisch|1799",
  "De ontdekking van de hemel|Harry Mulisch|2999", "Joe Speedboot|Tommy Wieringa|1999", "Dit zijn de namen|Tommy Wieringa|1999",
  "Blauwe maandagen|Arnon Grunberg|1999", "Tirza|Arnon Grunberg|2199", "De avond is ongemak|Marieke Lucas Rijneveld|2199",
  "Het lied van ooievaar en dromedaris|Anjet Daanje|2999", "Wees onzichtbaar|Murat Isik|2499", "Max Havelaar|Multatuli|1599",
  "Het Achterhuis|Anne Frank|1499", "De meeste mensen deugen|Rutger Bregman|2499", "In Europa|Geert Mak|3499",
  "Hoe God verdween uit Jorwerd|Geert Mak|1999", "Boven is het stil|Gerbrand Bakker|1899", "Het gouden ei|Tim Krabbé|1299",
  "Het bittere kruid|Marga Minco|1299", "Een schitterend gebrek|Arthur Japin|1999", "Knielen op een bed violen|Jan Siebelink|2299",
  "Een vlucht regenwulpen|Maarten 't Hart|1599", "De tweeling|Tessa de Loo|1999", "Bonita Avenue|Peter Buwalda|2299",
  "La Superba|Ilja Leonard Pfeijffer|2299", "Grand Hotel Europa|Ilja Leonard Pfeijffer|2499", "De avonden|Gerard Reve|1799",
  "Turks fruit|Jan Wolkers|1699", "Het leven is vurrukkulluk|Remco Campert|1499",
  "Mannen die vrouwen haten|Stieg Larsson|1999", "De Da Vinci Code|Dan Brown|1999", "De pijlers van de aarde|Ken Follett|2499",
  "De geniale vriendin|Elena Ferrante|2299", "De zeven zussen|Lucinda Riley|2299", "De sneeuwman|Jo Nesbø|1999",
  "Stupeur et tremblements|Amélie Nothomb|799", "Hygiène de l'assassin|Amélie Nothomb|799", "Premier sang|Amélie Nothomb|1900",
  "Maigret tend un piège|Georges Simenon|799", "Le Chien jaune|Georges Simenon|799", "L'Étranger|Albert Camus|799",
  "La Peste|Albert Camus|999", "Les Misérables|Victor Hugo|1499", "Mémoires d'Hadrien|Marguerite Yourcenar|999",
  "Les Années|Annie Ernaux|899", "Sérotonine|Michel Houellebecq|2200", "La Vérité sur l'affaire Harry Quebert|Joël Dicker|2200",
  "La Jeune Fille et la Nuit|Guillaume Musso|2190", "Chanson douce|Leïla Slimani|1800", "L'Élégance du hérisson|Muriel Barbery|1900",
  "Pars vite et reviens tard|Fred Vargas|1990", "Changer l'eau des fleurs|Valérie Perrin|2090",
  "Rien ne s'oppose à la nuit|Delphine de Vigan|1990", "Au revoir là-haut|Pierre Lemaitre|2250", "Petit Pays|Gaël Faye|1800",
  "L'Anomalie|Hervé Le Tellier|2000", "Elle s'appelait Sarah|Tatiana de Rosnay|899", "Le Mage du Kremlin|Giuliano da Empoli|2000",
  "Normal People|Sally Rooney|1299", "Intermezzo|Sally Rooney|2199", "The Goldfinch|Donna Tartt|1599",
  "The Handmaid's Tale|Margaret Atwood|1199", "Klara and the Sun|Kazuo Ishiguro|1499", "Never Let Me Go|Kazuo Ishiguro|1199",
  "Nineteen Eighty-Four|George Orwell|999", "Pride and Prejudice|Jane Austen|799", "Where the Crawdads Sing|Delia Owens|1299",
  "Sapiens|Yuval Noah Harari|1599", "Becoming|Michelle Obama|1899", "The Thursday Murder Club|Richard Osman|1299",
  "Lessons in Chemistry|Bonnie Garmus|1299", "The Midnight Library|Matt Haig|1199", "It Ends with Us|Colleen Hoover|1199",
  "The Hobbit|J.R.R. Tolkien|1199", "Murder on the Orient Express|Agatha Christie|999", "Atonement|Ian McEwan|1199",
  "White Teeth|Zadie Smith|1199", "Wolf Hall|Hilary Mantel|1399", "Tomorrow, and Tomorrow, and Tomorrow|Gabrielle Zevin|1399",
  "Demon Copperhead|Barbara Kingsolver|1499", "The Seven Husbands of Evelyn Hugo|Taylor Jenkins Reid|1199",
];

// biome-ignore format: one record per line reads best
const YOUTH = [
  "Oorlogswinter|Jan Terlouw|1599", "De brief voor de koning|Tonke Dragt|2299", "Pluk van de Petteflet|Annie M.G. Schmidt|1999",
  "Jip en Janneke|Annie M.G. Schmidt|1999", "Dolfje Weerwolfje|Paul van Loon|1499", "Blinker|Marc de Bel|1499",
  "Het boek van alle dingen|Guus Kuijer|1599", "Kikker is verliefd|Max Velthuijs|1299", "Waar is de taart?|Thé Tjong-Khing|1499",
  "Rikki|Guido Van Genechten|1299", "Nijntje|Dick Bruna|795", "Dikkie Dik|Jet Boeke|1299",
  "Het leven van een loser|Jeff Kinney|1499", "Dagboek van een muts|Rachel Renée Russell|1499",
  "Harry Potter en de Steen der Wijzen|J.K. Rowling|1999", "Harry Potter en de Geheime Kamer|J.K. Rowling|1999",
  "Harry Potter and the Philosopher's Stone|J.K. Rowling|1099", "De GVR|Roald Dahl|1499", "Matilda|Roald Dahl|1499",
  "Sjakie en de chocoladefabriek|Roald Dahl|1499", "De Gruffalo|Julia Donaldson|1499", "Le Petit Prince|Antoine de Saint-Exupéry|995",
];

// biome-ignore format: one record per line reads best
const COMIC_ALBUMS = [
  "Kuifje in Afrika|Hergé|1295", "De sigaren van de farao|Hergé|1295", "De blauwe lotus|Hergé|1295",
  "Het gebroken oor|Hergé|1295", "De zwarte rotsen|Hergé|1295", "De scepter van Ottokar|Hergé|1295",
  "De krab met de gulden scharen|Hergé|1295", "De geheimzinnige ster|Hergé|1295", "Het geheim van de Eenhoorn|Hergé|1295",
  "De schat van Scharlaken Rackham|Hergé|1295", "De 7 kristallen bollen|Hergé|1295", "De zonnetempel|Hergé|1295",
  "In het land van het zwarte goud|Hergé|1295", "Raket naar de maan|Hergé|1295", "Mannen op de maan|Hergé|1295",
  "De zaak Zonnebloem|Hergé|1295", "Cokes in voorraad|Hergé|1295", "Kuifje in Tibet|Hergé|1295",
  "De juwelen van Bianca Castafiore|Hergé|1295", "Vlucht 714 naar Sydney|Hergé|1295", "Kuifje en de Picaro's|Hergé|1295",
  "Tintin au Tibet|Hergé|1295", "On a marché sur la Lune|Hergé|1295", "Le Secret de La Licorne|Hergé|1295",
  "Asterix de Galliër|René Goscinny, Albert Uderzo|795", "Asterix en Cleopatra|René Goscinny, Albert Uderzo|795",
  "Asterix bij de Belgen|René Goscinny, Albert Uderzo|795", "Asterix en de Olympische Spelen|René Goscinny, Albert Uderzo|795",
  "Astérix le Gaulois|René Goscinny, Albert Uderzo|1099", "Astérix et Cléopâtre|René Goscinny, Albert Uderzo|1099",
  "Astérix chez les Belges|René Goscinny, Albert Uderzo|1099", "Astérix chez les Bretons|René Goscinny, Albert Uderzo|1099",
  "Le Tour de Gaule d'Astérix|René Goscinny, Albert Uderzo|1099", "Astérix en Corse|René Goscinny, Albert Uderzo|1099",
];

/** Long series shelved by number, as libraries catalogue them ("Suske en Wiske 312"). */
// biome-ignore format: one record per line reads best
const COMIC_SERIES = [
  "Suske en Wiske|Willy Vandersteen|360|695", "De Kiekeboes|Merho|165|695", "Jommeke|Jef Nys|300|595",
  "F.C. De Kampioenen|Hec Leemans|120|695", "De Rode Ridder|Willy Vandersteen|270|695",
  "Urbanus|Urbanus, Willy Linthout|190|695", "Nero|Marc Sleen|217|695", "Bakelandt|Hec Leemans|100|695",
  "Lucky Luke|Morris|80|795", "De Smurfen|Peyo|40|795", "Thorgal|Grzegorz Rosiński, Jean Van Hamme|40|1499",
  "Blake en Mortimer|Edgar P. Jacobs|29|1499", "Robbedoes en Kwabbernoot|André Franquin|50|795",
];

// biome-ignore format: one record per line reads best
const DVDS = [
  "Rundskop|Michaël R. Roskam|1499", "The Broken Circle Breakdown|Felix Van Groeningen|1499",
  "De helaasheid der dingen|Felix Van Groeningen|1299", "Belgica|Felix Van Groeningen|1499", "Girl|Lukas Dhont|1699",
  "Close|Lukas Dhont|1999", "Loft|Erik Van Looy|1299", "De zaak Alzheimer|Erik Van Looy|1299", "Daens|Stijn Coninx|1299",
  "Ben X|Nic Balthazar|1299", "Het vonnis|Jan Verheyen|1499", "Patser|Adil El Arbi, Bilall Fallah|1699",
  "Black|Adil El Arbi, Bilall Fallah|1499", "Le Fabuleux Destin d'Amélie Poulain|Jean-Pierre Jeunet|999",
  "Intouchables|Olivier Nakache, Éric Toledano|999", "Bienvenue chez les Ch'tis|Dany Boon|999",
  "Toto le héros|Jaco Van Dormael|1299", "Le Tout Nouveau Testament|Jaco Van Dormael|1499",
  "Deux jours, une nuit|Jean-Pierre Dardenne, Luc Dardenne|1499", "Oppenheimer|Christopher Nolan|1999",
  "Frozen|Chris Buck, Jennifer Lee|1499", "Inside Out|Pete Docter|1499", "Paddington|Paul King|1299", "Coco|Lee Unkrich|1499",
  "Undercover – seizoen 1|Nico Moolenaar, Piet Matthys|2499", "Salamander – seizoen 1|Ward Hulselmans|2499",
  "Tabula Rasa|Malin-Sarah Gozin|2499",
];

function parse(records: string[], kind: ItemKind): CatalogueEntry[] {
  return records.map((record) => {
    const [title, author, price] = record.split("|");
    return { title: kind === "dvd" ? `${title} (dvd)` : title, author, kind, priceCents: Number(price) };
  });
}

function expandSeries(records: string[]): CatalogueEntry[] {
  return records.flatMap((record) => {
    const [series, author, albums, price] = record.split("|");
    return Array.from({ length: Number(albums) }, (_, i) => ({
      title: `${series} ${i + 1}`,
      author,
      kind: "comic" as const,
      priceCents: Number(price),
    }));
  });
}

/** The titles, grouped by how often a library lends them (weights in `CATALOGUE_SHARES`). */
export const CATALOGUE: Record<ItemKind, CatalogueEntry[]> = {
  book: parse(BOOKS, "book"),
  youth: parse(YOUTH, "youth"),
  comic: [...parse(COMIC_ALBUMS, "comic"), ...expandSeries(COMIC_SERIES)],
  dvd: parse(DVDS, "dvd"),
};

export const CATALOGUE_SHARES: readonly (readonly [ItemKind, number])[] = [
  ["book", 40],
  ["youth", 15],
  ["comic", 35],
  ["dvd", 10],
];
