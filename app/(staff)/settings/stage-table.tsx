import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ScrollableTable } from "@/components/scrollable-table";
import type { ResolvedStage, StageField } from "@/lib/settings/stage-settings";
import { stageLabel } from "./stage-words";

/** The stage table's columns, in order, with their headings. */
export async function stageColumns(): Promise<{ field: StageField; label: string }[]> {
  const t = await getTranslations("settings");
  return [
    { field: "offsetDays", label: t("when") },
    { field: "dayCount", label: t("dayCount") },
    { field: "channel", label: t("channel") },
    { field: "fallback", label: t("fallback") },
    { field: "feeCents", label: t("fee") },
    { field: "audience", label: t("audience") },
    { field: "enabled", label: t("enabled") },
  ];
}

/**
 * The one table of stages x fields, used by the system/branch settings and by a patron's
 * effective settings: each page says what goes in a cell and under a stage's name.
 */
export async function StageTable({
  stages,
  label,
  caption,
  captionHidden = false,
  cell,
  rowHeaderExtra,
  minWidth = "min-w-[56rem]",
}: {
  stages: ResolvedStage[];
  label: string;
  caption: string;
  captionHidden?: boolean;
  cell: (stage: ResolvedStage, field: StageField, fieldLabel: string, stageName: string) => ReactNode;
  rowHeaderExtra?: (stage: ResolvedStage, stageName: string) => ReactNode;
  minWidth?: string;
}) {
  const [t, locale, columns] = await Promise.all([getTranslations("settings"), getLocale(), stageColumns()]);
  return (
    <ScrollableTable label={label}>
      <table className={`w-full ${minWidth} text-left text-sm`}>
        <caption className={captionHidden ? "sr-only" : "px-4 pt-3 text-left font-semibold"}>
          {caption}
        </caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("stage")}
            </th>
            {columns.map((c) => (
              <th key={c.field} scope="col" className="px-3 py-2 font-semibold">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => {
            const name = stageLabel(stage.labels, locale, stage.key);
            return (
              <tr key={stage.stageId} className="border-b border-line align-top last:border-0">
                <th scope="row" className="px-4 py-3 font-medium">
                  {name}
                  {rowHeaderExtra?.(stage, name)}
                </th>
                {columns.map((c) => (
                  <td key={c.field} className="px-3 py-3">
                    {cell(stage, c.field, c.label, name)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
