import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { letterFontFamily } from "./fonts";

export type DepositListLine = {
  recipient: string;
  address: string;
  reference: string;
  trackingNumber: string | null;
  postage: string;
};

export type DepositListInput = {
  /** the headings and labels in the staff member's language */
  labels: {
    title: string;
    sender: string;
    date: string;
    batch: string;
    number: string;
    recipient: string;
    address: string;
    reference: string;
    trackingNumber: string;
    postage: string;
    total: string;
    signature: string;
    page(n: number, total: number): string;
  };
  sender: string;
  date: string;
  batch: string;
  lines: DepositListLine[];
  /** "3 letters" and the postage total, formatted */
  totalLetters: string;
  totalPostage: string;
};

const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 9, color: "#1d2433" },
  title: { fontSize: 15, fontWeight: 700, marginBottom: 6 },
  meta: { flexDirection: "row", gap: 24, marginBottom: 12 },
  head: { flexDirection: "row", borderBottomWidth: 1, paddingBottom: 3, fontWeight: 700 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#c9cfd6", paddingVertical: 4 },
  n: { width: "5%" },
  recipient: { width: "22%", paddingRight: 6 },
  address: { width: "31%", paddingRight: 6 },
  reference: { width: "15%", paddingRight: 6 },
  tracking: { width: "17%", paddingRight: 6 },
  postage: { width: "10%", textAlign: "right" },
  total: { flexDirection: "row", borderTopWidth: 1, paddingTop: 4, marginTop: 2, fontWeight: 700 },
  signature: { marginTop: 36, flexDirection: "row", gap: 48 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 7.5, color: "#525c6b" },
});

/**
 * The list handed in at the post office with a batch of registered letters: one line per
 * letter (recipient, address, reference, tracking number, postage) and the totals.
 */
export function renderDepositList(input: DepositListInput): Promise<Buffer> {
  const { labels } = input;
  const fontFamily = letterFontFamily();
  return renderToBuffer(
    <Document title={`${labels.title} ${input.batch}`} creator="Rappel" producer="Rappel">
      <Page size="A4" orientation="landscape" style={[styles.page, { fontFamily }]} wrap>
        <Text style={styles.title}>{labels.title}</Text>
        <View style={styles.meta}>
          <Text>
            {labels.sender}: {input.sender}
          </Text>
          <Text>
            {labels.date}: {input.date}
          </Text>
          <Text>
            {labels.batch}: {input.batch}
          </Text>
        </View>
        <View style={styles.head} fixed>
          <Text style={styles.n}>{labels.number}</Text>
          <Text style={styles.recipient}>{labels.recipient}</Text>
          <Text style={styles.address}>{labels.address}</Text>
          <Text style={styles.reference}>{labels.reference}</Text>
          <Text style={styles.tracking}>{labels.trackingNumber}</Text>
          <Text style={styles.postage}>{labels.postage}</Text>
        </View>
        {input.lines.map((line, i) => (
          <View key={line.reference} style={styles.row} wrap={false}>
            <Text style={styles.n}>{i + 1}</Text>
            <Text style={styles.recipient}>{line.recipient}</Text>
            <Text style={styles.address}>{line.address}</Text>
            <Text style={styles.reference}>{line.reference}</Text>
            <Text style={styles.tracking}>{line.trackingNumber ?? "—"}</Text>
            <Text style={styles.postage}>{line.postage}</Text>
          </View>
        ))}
        <View style={styles.total} wrap={false}>
          <Text style={{ width: "90%" }}>
            {labels.total}: {input.totalLetters}
          </Text>
          <Text style={styles.postage}>{input.totalPostage}</Text>
        </View>
        <View style={styles.signature} wrap={false}>
          <Text>{labels.signature}: ______________________________</Text>
        </View>
        <Text
          fixed
          style={styles.footer}
          render={({ pageNumber, totalPages }) => labels.page(pageNumber, totalPages)}
        />
      </Page>
    </Document>,
  );
}
