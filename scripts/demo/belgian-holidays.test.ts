import { describe, expect, it } from "vitest";
import { belgianPublicHolidays, easterSunday } from "./belgian-holidays";

describe("belgianPublicHolidays", () => {
  it("finds Easter Sunday for years with early and late Easter", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("lists the ten legal holidays, the movable ones counted from Easter", () => {
    const holidays = belgianPublicHolidays(2026);
    expect(holidays).toHaveLength(10);
    expect(holidays).toContainEqual({ date: "2026-04-06", name: "Paasmaandag" });
    expect(holidays).toContainEqual({ date: "2026-05-14", name: "O.L.H. Hemelvaart" });
    expect(holidays).toContainEqual({ date: "2026-05-25", name: "Pinkstermaandag" });
    expect(holidays).toContainEqual({ date: "2026-07-21", name: "Nationale feestdag" });
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
  });
});
