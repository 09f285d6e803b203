import QRCode from "qrcode";

export type QrModules = {
  /** modules per side, without the quiet zone */
  count: number;
  /** the dark modules, as horizontal runs: one rectangle per run keeps the PDF small and seamless */
  runs: { x: number; y: number; length: number }[];
};

/**
 * The dark modules of a link's QR code. A letter prints it next to the link in full, so a
 * patron can scan it or type it; the caller adds the standard four-module quiet zone.
 */
export function qrModules(url: string): QrModules {
  // M: about 15% of the code may be damaged (a crease, a smudge) and it still scans
  const code = QRCode.create(url, { errorCorrectionLevel: "M" });
  const { size, data } = code.modules;
  const runs: QrModules["runs"] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!data[y * size + x]) continue;
      let length = 1;
      while (x + length < size && data[y * size + x + length]) length++;
      runs.push({ x, y, length });
      x += length - 1;
    }
  }
  return { count: size, runs };
}
