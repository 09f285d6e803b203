import { withDatabase } from "./e2e-database";
import { expect, ROLE_EMAIL, signIn, test } from "./fixtures";

test("the audit log reads as sentences, with names and amounts, not keys or JSON", async ({ page }) => {
  // a branch override of the fee, as the settings page records it
  const { stageId, branchId, branchName, libraryId } = await withDatabase(async (client) => {
    const { rows } = await client.query(
      `SELECT s.id AS "stageId", b.id AS "branchId", b.name AS "branchName", s."libraryId"
       FROM "NoticeStage" s JOIN "Branch" b ON b."libraryId" = s."libraryId"
       WHERE s.key = 'overdue-2' AND s."libraryId" = (SELECT "libraryId" FROM "StaffUser" WHERE email = $1)
       ORDER BY b.id LIMIT 1`,
      [ROLE_EMAIL.manager],
    );
    return rows[0] as { stageId: number; branchId: number; branchName: string; libraryId: number };
  });
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "AuditEntry" ("libraryId", "actorLabel", action, "entityType", "entityId", before, after)
       VALUES ($1, 'Jonas Bibliothecaris (jonas@e2e.rappel.be)', 'stage.branch-override', 'BranchStageSetting', '1', $2, $3)`,
      [
        libraryId,
        JSON.stringify({ stageId, branchId, feeCents: 100 }),
        JSON.stringify({ stageId, branchId, feeCents: 125 }),
      ],
    ),
  );

  await signIn(page, ROLE_EMAIL.manager);
  await page.goto("/audit");
  const log = page.getByRole("region", { name: "Wijzigingen in het auditlog" });
  await expect(log).toContainText(
    `Jonas Bibliothecaris wijzigde de kosten van Tweede aanmaning voor ${branchName} van € 1,00 naar € 1,25`,
  );
  await expect(log).not.toContainText("feeCents");
  await expect(log).not.toContainText("stage.branch-override");
  await expect(log).not.toContainText("{");
  // the filters list words too
  await expect(
    page.getByLabel("Actie").locator("option", { hasText: "Fase gewijzigd voor een filiaal" }),
  ).toHaveCount(1);
  await page.screenshot({ path: ".test-results/audit-log.png", fullPage: true });
});
