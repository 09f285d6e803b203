/** Colours chosen for WCAG AA contrast on white; dark-mode overrides below for clients that honour them. */
export const colors = {
  page: "#f2f4f7",
  card: "#ffffff",
  text: "#1d2433",
  muted: "#525c6b",
  border: "#dfe3e8",
  brand: "#1f5aa6",
  brandText: "#ffffff",
  late: "#b42318",
  ok: "#067647",
  messageBg: "#fff8e6",
  messageBorder: "#f0c15a",
  noteBg: "#eef4fb",
} as const;

export const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Helvetica, Arial, sans-serif";

/**
 * Dark mode for clients that support prefers-color-scheme (Apple Mail, iOS, Outlook.com via
 * [data-ogsc]), and a stacked layout on narrow screens. Gmail's apps invert colours themselves;
 * the light palette above keeps enough contrast for that.
 */
export const headCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .r-page, .r-page > table > tbody > tr > td { background-color: #0f1318 !important; }
  .r-card { background-color: #191e25 !important; border-color: #2c333d !important; }
  .r-text { color: #e7eaee !important; }
  .r-muted { color: #a9b2bd !important; }
  .r-border { border-color: #2c333d !important; }
  .r-late { color: #ff9b8f !important; }
  .r-ok { color: #7bd8a2 !important; }
  .r-message { background-color: #2a2412 !important; border-color: #8a6d1f !important; }
  .r-note { background-color: #17283d !important; }
  .r-button { background-color: #7fb2f0 !important; color: #0b1523 !important; }
  .r-link { color: #8cc0ff !important; }
}
[data-ogsc] .r-page, [data-ogsc] .r-page > table > tbody > tr > td { background-color: #0f1318 !important; }
[data-ogsc] .r-card { background-color: #191e25 !important; }
[data-ogsc] .r-text { color: #e7eaee !important; }
[data-ogsc] .r-muted { color: #a9b2bd !important; }
[data-ogsc] .r-late { color: #ff9b8f !important; }
[data-ogsc] .r-ok { color: #7bd8a2 !important; }
[data-ogsc] .r-link { color: #8cc0ff !important; }
@media only screen and (max-width: 520px) {
  .r-pad { padding-left: 16px !important; padding-right: 16px !important; }
  .r-stack { display: block !important; width: 100% !important; box-sizing: border-box; }
  .r-stack-first { padding-bottom: 4px !important; }
  .r-stack-gap { border-top: 0 !important; padding-top: 4px !important; padding-bottom: 4px !important; }
  .r-stack-last { padding-bottom: 14px !important; }
  .r-hide-sm { display: none !important; }
  .r-h1 { font-size: 22px !important; line-height: 28px !important; }
}
`;
