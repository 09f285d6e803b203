import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, useTestDb } from "@/test/db";
import { createTestLibrary } from "@/test/test-fixtures";
import { loadSendingSettings, saveSendingSettings } from "./sending-settings";

const db = useTestDb();
beforeEach(() => resetDatabase(db));

const GOOD = {
  sendTime: "06:30",
  sendScheduled: false,
  emailFrom: "Bib <rappel@bib.be>",
  emailReplyTo: null,
};

describe("saveSendingSettings", () => {
  it("saves the start time and the sender, with the change for the audit log", async () => {
    const t = await createTestLibrary(db);
    const result = await db.$transaction((tx) => saveSendingSettings(tx, t.library.id, GOOD));
    expect(result).toMatchObject({
      action: "library.sending-settings",
      before: { sendTime: "07:00" },
      after: GOOD,
    });
    expect(await loadSendingSettings(db, t.library.id)).toEqual(GOOD);
  });

  it("refuses a time that is no time and a sender Resend would refuse, both at once", async () => {
    const t = await createTestLibrary(db);
    const result = db.$transaction((tx) =>
      saveSendingSettings(tx, t.library.id, {
        ...GOOD,
        sendTime: "24:00",
        emailFrom: "rappel",
        emailReplyTo: "a@b",
      }),
    );
    await expect(result).rejects.toMatchObject({
      problems: [
        { code: "settings.invalidTime", field: "sendTime" },
        { code: "settings.invalidSender", field: "emailFrom" },
        { code: "settings.invalidSender", field: "emailReplyTo" },
      ],
    });
    expect((await loadSendingSettings(db, t.library.id)).sendTime).toBe("07:00");
  });
});
