import { Link } from "react-email";
import type { Dictionary } from "@/lib/rendering/dictionary";
import type { NoticeItemView } from "@/lib/rendering/notice-view";
import { ActionButton } from "./action-button";
import { colors } from "./theme";

const cell = {
  padding: "12px 8px 12px 0",
  borderTop: `1px solid ${colors.border}`,
  verticalAlign: "top",
  fontSize: "14px",
  lineHeight: "20px",
  color: colors.text,
} as const;

const headCell = {
  padding: "0 8px 8px 0",
  textAlign: "left",
  fontSize: "12px",
  lineHeight: "16px",
  fontWeight: 600,
  letterSpacing: "0.04em",
  textTransform: "uppercase",
  color: colors.muted,
} as const;

/**
 * The patron's items: what it is, when it was due, and whether it can be renewed (with a
 * button) or why not. Three columns on a wide screen, stacked on a phone.
 */
export function ItemsTable({ t, items }: { t: Dictionary; items: NoticeItemView[] }) {
  return (
    <table
      role="presentation"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      style={{ borderCollapse: "collapse", width: "100%", margin: "0 0 16px" }}
    >
      <thead data-skip-in-text="true" className="r-hide-sm">
        <tr>
          <th className="r-muted" style={{ ...headCell, width: "52%" }}>
            {t.items.item}
          </th>
          <th className="r-muted" style={{ ...headCell, width: "24%" }}>
            {t.items.dueDate}
          </th>
          <th className="r-muted" style={{ ...headCell, width: "24%" }}>
            {t.items.status}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key}>
            <td className="r-stack r-stack-first r-text r-border" style={{ ...cell, width: "52%" }}>
              <strong>{item.title}</strong>
              {item.author ? (
                <>
                  <br />
                  <span className="r-muted" style={{ color: colors.muted }}>
                    {item.author}
                  </span>
                </>
              ) : null}
              <br />
              <span className="r-muted" style={{ color: colors.muted, fontSize: "13px" }}>
                {t.items.barcode} {item.barcode}
              </span>
            </td>
            <td className="r-stack r-stack-gap r-text r-border" style={{ ...cell, width: "24%" }}>
              {item.dueDate}
              <br />
              <span
                className={item.daysOverdue > 0 ? "r-late" : "r-muted"}
                style={{
                  color: item.daysOverdue > 0 ? colors.late : colors.muted,
                  fontWeight: item.daysOverdue > 0 ? 600 : 400,
                }}
              >
                {item.timing}
              </span>
            </td>
            <td className="r-stack r-stack-gap r-stack-last r-border" style={{ ...cell, width: "24%" }}>
              {item.renewUrl ? (
                <ActionButton href={item.renewUrl} small>
                  {t.items.renew}
                </ActionButton>
              ) : (
                <span
                  className="r-muted"
                  style={{ fontSize: "13px", lineHeight: "18px", color: colors.muted }}
                >
                  {item.renewal}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InlineLink({ href, children }: { href: string; children: string }) {
  return (
    <Link className="r-link" href={href} style={{ color: colors.brand, textDecoration: "underline" }}>
      {children}
    </Link>
  );
}
