/**
 * The letter renderer Rappel used until session 4 (react-pdf: a flexbox layout per letter),
 * kept frozen for one purpose: `npm run bench -- --only letters` prints the ratio of the
 * letter layout in lib/letters (pdfkit, drawn directly) against it, measured in the same run.
 * Nothing in the product imports this file; change the letter in lib/letters/letter-pdf.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  Document,
  Font,
  Image,
  Page,
  Path,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { C, type LetterView } from "@/lib/letters/letter-pdf";
import { qrModules } from "@/lib/letters/link-qr-code";
import type { LetterRenderInput } from "@/lib/letters/render-letters";
import { DEFAULT_WINDOW, type WindowPosition } from "@/lib/letters/window-position";
import { fallbackNoteText } from "@/lib/rendering/fallback-note";
import type { NoticeItemView } from "@/lib/rendering/notice-view";
import { buildNoticeView } from "@/lib/rendering/notice-view";

let logoCache: Buffer | null | undefined;
function defaultLogo(): Buffer | null {
  if (logoCache === undefined) {
    try {
      logoCache = readFileSync(path.join(process.cwd(), "public", "email", "logo.png"));
    } catch {
      logoCache = null;
    }
  }
  return logoCache;
}

/** The page prop that tells which letter of a batch a laid-out page belongs to. */
export const LETTER_INDEX_PROP = "data-letter-index";

const mm = (value: number) => `${value}mm`;
/**
 * Line height in points: react-pdf 4.9 multiplies a unitless lineHeight on Text by the font
 * size a second time (1.4 gives ~2.5 lines), and one set on the page hides render-prop text.
 */
const lh = (fontSize: number, ratio = 1.4) => `${Math.round(fontSize * ratio * 10) / 10}pt`;

function makeStyles(fontFamily: string) {
  return StyleSheet.create({
    text: { lineHeight: lh(10) },
    copyMark: {
      fontSize: 10,
      fontWeight: 700,
      color: C.late,
      borderWidth: 1,
      borderColor: C.late,
      padding: mm(1.5),
      marginBottom: mm(3),
      alignSelf: "flex-start",
    },
    page: {
      fontFamily,
      fontSize: 10,
      color: C.text,
      paddingTop: mm(20),
      paddingBottom: mm(16),
      paddingLeft: mm(20),
      paddingRight: mm(20),
    },
    foldMark: {
      position: "absolute",
      left: mm(6),
      width: mm(5),
      borderTopWidth: 0.5,
      borderTopColor: C.muted,
    },
    letterhead: { position: "absolute", top: mm(14), left: mm(20), right: mm(20), flexDirection: "row" },
    logo: { width: mm(13), height: mm(13), marginRight: mm(4) },
    libraryName: { fontSize: 13, fontWeight: 700, color: C.brand },
    small: { fontSize: 8.5, lineHeight: lh(8.5, 1.35), color: C.muted },
    returnAddress: {
      fontSize: 6.5,
      color: C.muted,
      borderBottomWidth: 0.5,
      borderBottomColor: C.muted,
      paddingBottom: 1,
      marginBottom: mm(2),
    },
    registered: { fontSize: 11, fontWeight: 700, letterSpacing: 1, marginBottom: mm(1.5) },
    recipient: { fontSize: 11, lineHeight: lh(11, 1.3) },
    metaLabel: { fontSize: 8.5, color: C.muted },
    metaValue: { fontSize: 10, marginBottom: mm(1.5) },
    subject: { fontSize: 12.5, fontWeight: 700, marginBottom: mm(4) },
    paragraph: { marginBottom: mm(2.5), lineHeight: lh(10) },
    note: {
      backgroundColor: C.note,
      borderLeftWidth: 3,
      borderLeftColor: C.brand,
      padding: mm(3),
      marginBottom: mm(5),
    },
    noteTitle: { fontWeight: 700, fontSize: 11, marginBottom: mm(1.5) },
    message: { borderLeftWidth: 3, borderLeftColor: "#f0c15a", paddingLeft: mm(3), marginBottom: mm(3) },
    sectionTitle: { fontWeight: 700, fontSize: 11, marginTop: mm(1.5), marginBottom: mm(1.5) },
    tableHead: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: C.text, paddingBottom: 2 },
    th: { fontSize: 8, fontWeight: 700, color: C.muted, textTransform: "uppercase" },
    tr: {
      flexDirection: "row",
      borderBottomWidth: 0.5,
      borderBottomColor: C.border,
      paddingVertical: mm(1.8),
    },
    colItem: { width: "40%", paddingRight: mm(2) },
    colBarcode: { width: "19%", paddingRight: mm(2) },
    colDue: { width: "19%", paddingRight: mm(2) },
    colRenew: { width: "22%" },
    cellSmall: { fontSize: 8.5, lineHeight: lh(8.5, 1.35), color: C.muted },
    late: { fontSize: 8.5, lineHeight: lh(8.5, 1.35), color: C.late, fontWeight: 700 },
    feeRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 1.5, width: "60%" },
    feeTotal: {
      flexDirection: "row",
      justifyContent: "space-between",
      paddingTop: 2,
      marginTop: 2,
      borderTopWidth: 0.5,
      borderTopColor: C.text,
      width: "60%",
      fontWeight: 700,
    },
    footer: {
      position: "absolute",
      bottom: mm(8),
      left: mm(20),
      right: mm(20),
      flexDirection: "row",
      justifyContent: "space-between",
      fontSize: 7.5,
      color: C.muted,
      borderTopWidth: 0.5,
      borderTopColor: C.border,
      paddingTop: mm(1.5),
    },
  });
}

type Styles = ReturnType<typeof makeStyles>;

function Paragraphs({ text, styles }: { text: string; styles: Styles }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((paragraph, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
          <Text key={i} style={styles.paragraph}>
            {paragraph}
          </Text>
        ))}
    </>
  );
}

function ItemRow({ item, styles }: { item: NoticeItemView; styles: Styles }) {
  return (
    <View style={styles.tr} wrap={false}>
      <View style={styles.colItem}>
        <Text style={[styles.text, { fontWeight: 700 }]}>{item.title}</Text>
        {item.author ? <Text style={styles.cellSmall}>{item.author}</Text> : null}
      </View>
      <Text style={[styles.colBarcode, { fontSize: 9 }]}>{item.barcode}</Text>
      <View style={styles.colDue}>
        <Text>{item.dueDate}</Text>
        <Text style={item.daysOverdue > 0 ? styles.late : styles.cellSmall}>{item.timing}</Text>
      </View>
      <Text style={[styles.colRenew, styles.cellSmall]}>{item.renewal}</Text>
    </View>
  );
}

/** One patron's letter: always starts on a new page; long item lists continue on the next. */
export function LetterPages({
  letter,
  window,
  styles,
  letterIndex,
}: {
  letter: LetterView;
  window: WindowPosition;
  styles: Styles;
  /** kept on every page of this letter, so a batch can tell where one letter ends (duplex) */
  letterIndex?: number;
}) {
  const { t } = letter;
  const logo = defaultLogo();
  // date and reference go on the side the window leaves free
  const windowOnRight = window.leftMm + window.widthMm / 2 > 105;
  const metaLeft = windowOnRight ? 20 : window.leftMm + window.widthMm + 12;
  const contentTop = window.topMm + window.heightMm + 4;
  const returnAddress = [letter.library.name, ...letter.branch.addressLines].join(" · ");
  const note = letter.fallback
    ? fallbackNoteText(t, { email: letter.fallback.email, preferencesUrl: letter.links.preferences })
    : null;

  return (
    <Page size="A4" style={styles.page} wrap {...{ [LETTER_INDEX_PROP]: letterIndex }}>
      <View fixed style={styles.footer}>
        <Text>
          {letter.library.name} · {letter.branch.name} · {t.reference} {letter.reference}
        </Text>
        <Text
          render={({ subPageNumber, subPageTotalPages }) => t.letter.page(subPageNumber, subPageTotalPages)}
        />
      </View>
      {/* DIN 5008 fold marks (form B) and the punch mark, in the left margin */}
      <View fixed style={[styles.foldMark, { top: mm(105) }]} />
      <View fixed style={[styles.foldMark, { top: mm(148.5), width: mm(7) }]} />
      <View fixed style={[styles.foldMark, { top: mm(210) }]} />

      <View style={styles.letterhead}>
        {logo ? <Image src={{ data: logo, format: "png" }} style={styles.logo} /> : null}
        <View>
          <Text style={styles.libraryName}>{letter.library.name}</Text>
          <Text style={styles.small}>
            {letter.branch.name} · {letter.branch.addressLines.join(", ")}
          </Text>
          <Text style={styles.small}>
            {[
              letter.branch.phone,
              letter.branch.email,
              letter.library.website?.replace(/^https?:\/\/|\/$/g, ""),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </View>
      </View>

      <View
        style={{
          position: "absolute",
          left: mm(window.leftMm),
          top: mm(window.topMm),
          width: mm(window.widthMm),
          height: mm(window.heightMm),
          paddingHorizontal: mm(3),
          paddingTop: mm(3),
        }}
      >
        <Text style={styles.returnAddress}>{returnAddress}</Text>
        {letter.registered ? <Text style={styles.registered}>{t.letter.registered}</Text> : null}
        {letter.patron.addressLines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: address lines are ordered text
          <Text key={i} style={styles.recipient}>
            {line}
          </Text>
        ))}
      </View>

      <View style={{ position: "absolute", left: mm(metaLeft), top: mm(window.topMm + 3), width: mm(70) }}>
        <Text style={styles.metaLabel}>{t.letter.date}</Text>
        <Text style={styles.metaValue}>{letter.date}</Text>
        <Text style={styles.metaLabel}>{t.reference}</Text>
        <Text style={styles.metaValue}>{letter.reference}</Text>
        <Text style={styles.metaLabel}>{t.cardNumber}</Text>
        <Text style={styles.metaValue}>{letter.patron.cardNumber}</Text>
      </View>

      <View style={{ height: mm(contentTop - 20) }} />

      {letter.copyOf ? <Text style={styles.copyMark}>{t.letter.copy(letter.copyOf.printedOn)}</Text> : null}
      <Text style={styles.subject}>{letter.subject}</Text>

      {note ? (
        <View style={styles.note} wrap={false}>
          <Text style={styles.noteTitle}>{note.title}</Text>
          {note.paragraphs.map((paragraph) => (
            <Text key={paragraph} style={styles.text}>
              {paragraph}
            </Text>
          ))}
        </View>
      ) : null}

      <Paragraphs text={letter.opening} styles={styles} />

      {letter.message ? (
        <View style={styles.message} wrap={false}>
          <Text style={[styles.text, { fontWeight: 700, marginBottom: 2 }]}>{t.messageHeading}</Text>
          <Paragraphs text={letter.message} styles={styles} />
        </View>
      ) : null}

      {/* the heading and the column titles never stay behind without a first row */}
      <View wrap={false}>
        <Text style={styles.sectionTitle}>{t.items.heading(letter.items.length)}</Text>
        <View style={styles.tableHead}>
          <Text style={[styles.th, styles.colItem]}>{t.items.title}</Text>
          <Text style={[styles.th, styles.colBarcode]}>{t.items.barcode}</Text>
          <Text style={[styles.th, styles.colDue]}>{t.items.dueDate}</Text>
          <Text style={[styles.th, styles.colRenew]}>{t.items.status}</Text>
        </View>
        {letter.items.slice(0, 1).map((item) => (
          <ItemRow key={item.key} item={item} styles={styles} />
        ))}
      </View>
      {letter.items.slice(1).map((item) => (
        <ItemRow key={item.key} item={item} styles={styles} />
      ))}
      {letter.links.renewAll ? (
        <LinkQrCode url={letter.links.renewAll} sizePt={62}>
          <Text style={styles.small}>{t.letter.renewOnline(letter.links.renewAll)}</Text>
        </LinkQrCode>
      ) : null}

      {letter.feeTotal ? (
        <View wrap={false} style={{ marginTop: mm(3) }}>
          <Text style={styles.sectionTitle}>{t.fees.heading}</Text>
          {letter.fees.map((fee, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fee rows are ordered
            <View key={i} style={styles.feeRow}>
              <Text>{fee.label}</Text>
              <Text>{fee.amount}</Text>
            </View>
          ))}
          <View style={styles.feeTotal}>
            <Text>{t.fees.total}</Text>
            <Text>{letter.feeTotal}</Text>
          </View>
          <Text style={[styles.small, { marginTop: mm(1.5) }]}>{t.fees.howToPay}</Text>
        </View>
      ) : null}

      <View style={{ marginTop: mm(3) }}>
        <Paragraphs text={letter.closing} styles={styles} />
      </View>
    </Page>
  );
}

export function LettersDocument({
  letters,
  window,
  fontFamily,
  title,
}: {
  letters: LetterView[];
  window: WindowPosition;
  fontFamily: string;
  title: string;
}) {
  const styles = makeStyles(fontFamily);
  return (
    <Document title={title} creator="Rappel" producer="Rappel" language={letters[0]?.t.locale}>
      {letters.map((letter, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a batch may hold two letters with one reference
        <LetterPages key={i} letter={letter} window={window} styles={styles} letterIndex={i} />
      ))}
    </Document>
  );
}

function LinkQrCode(props: { url: string; sizePt: number; children: ReactNode }) {
  const { count, runs } = qrModules(props.url);
  const d = runs.map((run) => `M${run.x} ${run.y}h${run.length}v1h-${run.length}z`).join("");
  const box = count + 8;
  return (
    <View wrap={false} style={{ flexDirection: "row", alignItems: "center", marginTop: 6 }}>
      <Svg width={props.sizePt} height={props.sizePt} viewBox={`-4 -4 ${box} ${box}`}>
        <Path d={d} fill="#000000" />
      </Svg>
      <View style={{ flex: 1, marginLeft: 6 }}>{props.children}</View>
    </View>
  );
}

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
let family: string | undefined;
export function letterFontFamily(): string {
  if (family) return family;
  const regular = path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf");
  const bold = path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf");
  family = existsSync(regular) && existsSync(bold) ? "Noto Sans" : "Helvetica";
  if (family === "Noto Sans") {
    Font.register({
      family,
      fonts: [
        { src: regular, fontWeight: 400 },
        { src: bold, fontWeight: 700 },
      ],
    });
  }
  Font.registerHyphenationCallback((word) => [word]);
  return family;
}

/** The old path: every letter laid out by react-pdf into one PDF in memory. */
export async function renderLettersWithReactPdf(letters: LetterRenderInput[]): Promise<Buffer> {
  const views: LetterView[] = letters.map((letter) => ({
    ...buildNoticeView(letter),
    fallback: letter.fallback ?? null,
  }));
  return renderToBuffer(
    <LettersDocument
      letters={views}
      window={DEFAULT_WINDOW}
      fontFamily={letterFontFamily()}
      title={views[0].subject}
    />,
  );
}
