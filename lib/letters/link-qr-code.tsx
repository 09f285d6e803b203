import { Path, Svg, View } from "@react-pdf/renderer";
import QRCode from "qrcode";
import type { ReactNode } from "react";

/** The modules of a QR code as one SVG path of unit squares (dark modules only). */
export function qrPath(url: string): { size: number; d: string } {
  // M: about 15% of the code may be damaged (a crease, a smudge) and it still scans
  const code = QRCode.create(url, { errorCorrectionLevel: "M" });
  const { size, data } = code.modules;
  let d = "";
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x} ${y}h1v1h-1z`;
  return { size, d };
}

/**
 * The link of a letter as a QR code next to the link printed in full, so a patron can scan it
 * or type it (`sizePt` in points: 22 mm = 62 pt). Vector (no image), black on white with the standard four-module quiet zone.
 */
export function LinkQrCode(props: { url: string; sizePt: number; children: ReactNode }) {
  const { size, d } = qrPath(props.url);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <View wrap={false} style={{ flexDirection: "row", alignItems: "center", marginTop: 6 }}>
      <Svg width={props.sizePt} height={props.sizePt} viewBox={`${-quiet} ${-quiet} ${box} ${box}`}>
        <Path d={d} fill="#000000" />
      </Svg>
      <View style={{ flex: 1, marginLeft: 6 }}>{props.children}</View>
    </View>
  );
}
