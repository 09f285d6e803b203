import { Text } from "react-email";
import type { Dictionary } from "@/lib/rendering/dictionary";
import { colors } from "./theme";

const row = { fontSize: "15px", lineHeight: "22px", padding: "6px 0", color: colors.text } as const;

export function FeesTable({
  t,
  fees,
  total,
}: {
  t: Dictionary;
  fees: { label: string; amount: string }[];
  total: string;
}) {
  return (
    <>
      <Text
        className="r-text"
        style={{ margin: "8px 0 6px", fontSize: "16px", fontWeight: 700, color: colors.text }}
      >
        {t.fees.heading}
      </Text>
      <table
        data-text-format="dataTable"
        role="presentation"
        width="100%"
        cellPadding={0}
        cellSpacing={0}
        style={{ borderCollapse: "collapse", width: "100%" }}
      >
        <tbody>
          {fees.map((fee) => (
            <tr key={fee.label}>
              <td className="r-text" style={row}>
                {fee.label}
              </td>
              <td className="r-text" style={{ ...row, textAlign: "right", whiteSpace: "nowrap" }}>
                {fee.amount}
              </td>
            </tr>
          ))}
          <tr>
            <td
              className="r-text r-border"
              style={{ ...row, fontWeight: 700, borderTop: `1px solid ${colors.border}` }}
            >
              {t.fees.total}
            </td>
            <td
              className="r-text r-border"
              style={{
                ...row,
                fontWeight: 700,
                textAlign: "right",
                whiteSpace: "nowrap",
                borderTop: `1px solid ${colors.border}`,
              }}
            >
              {total}
            </td>
          </tr>
        </tbody>
      </table>
      <Text
        className="r-muted"
        style={{ margin: "6px 0 20px", fontSize: "14px", lineHeight: "20px", color: colors.muted }}
      >
        {t.fees.howToPay}
      </Text>
    </>
  );
}
