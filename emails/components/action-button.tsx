import { Button } from "react-email";
import { colors } from "./theme";

export function ActionButton({
  href,
  children,
  small = false,
}: {
  href: string;
  children: string;
  small?: boolean;
}) {
  return (
    <Button
      className="r-button"
      href={href}
      style={{
        backgroundColor: colors.brand,
        color: colors.brandText,
        borderRadius: "8px",
        fontWeight: 600,
        textDecoration: "none",
        fontSize: small ? "14px" : "16px",
        lineHeight: small ? "20px" : "24px",
        padding: small ? "6px 14px" : "12px 24px",
      }}
    >
      {children}
    </Button>
  );
}
