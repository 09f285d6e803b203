/**
 * Where the address block sits on an A4 sheet, in millimetres from the sheet's top-left
 * corner, so that it shows through an envelope's window.
 *
 * Default: a DL envelope (220 × 110 mm) with the window on the right, as most Belgian
 * window envelopes have it: window 90 × 45 mm, 20 mm from the right edge and 15 mm from the
 * bottom. The sheet is folded as DIN 5008 form B (fold marks at 105 and 210 mm, printed in
 * the margin), so the top panel nearly fills the envelope's height. With the few
 * millimetres of play the folded sheet has in the envelope, an 85 × 45 mm block at
 * x = 105 mm, y = 45 mm stays inside the window. For a left-window envelope use
 * `WINDOW_PRESETS.dlLeft` (x = 20 mm, the DIN 5008 position). Libraries with other
 * envelopes set the numbers themselves.
 */
export type WindowPosition = { leftMm: number; topMm: number; widthMm: number; heightMm: number };

export const WINDOW_PRESETS = {
  dlRight: { leftMm: 105, topMm: 45, widthMm: 85, heightMm: 45 },
  dlLeft: { leftMm: 20, topMm: 45, widthMm: 85, heightMm: 45 },
} as const satisfies Record<string, WindowPosition>;

export const DEFAULT_WINDOW: WindowPosition = WINDOW_PRESETS.dlRight;

export const A4 = { widthMm: 210, heightMm: 297 } as const;

/** Refuses a window that does not fit on the sheet or is too small for an address. */
export function validateWindow(window: WindowPosition): string[] {
  const problems: string[] = [];
  const { leftMm, topMm, widthMm, heightMm } = window;
  if (![leftMm, topMm, widthMm, heightMm].every(Number.isFinite))
    problems.push("All four numbers are required.");
  if (widthMm < 60 || heightMm < 30)
    problems.push("The window must be at least 60 × 30 mm to hold an address.");
  if (leftMm < 0 || topMm < 0 || leftMm + widthMm > A4.widthMm || topMm + heightMm > A4.heightMm / 2) {
    problems.push("The window must lie on the top half of an A4 sheet.");
  }
  return problems;
}
