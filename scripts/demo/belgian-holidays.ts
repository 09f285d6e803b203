import { addDays, type LocalDate } from "@/lib/dates";

export type PublicHoliday = { date: LocalDate; name: string };

/** The ten Belgian public holidays of `year` (the days libraries close). */
export function belgianPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const day = (month: number, dayOfMonth: number): LocalDate =>
    `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
  return [
    { date: day(1, 1), name: "Nieuwjaar" },
    { date: addDays(easter, 1), name: "Paasmaandag" },
    { date: day(5, 1), name: "Dag van de Arbeid" },
    { date: addDays(easter, 39), name: "O.L.H. Hemelvaart" },
    { date: addDays(easter, 50), name: "Pinkstermaandag" },
    { date: day(7, 21), name: "Nationale feestdag" },
    { date: day(8, 15), name: "O.L.V. Hemelvaart" },
    { date: day(11, 1), name: "Allerheiligen" },
    { date: day(11, 11), name: "Wapenstilstand" },
    { date: day(12, 25), name: "Kerstmis" },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}
