import type { ReactNode } from "react";
import { ScrollableTable } from "./scrollable-table";

export type DataColumn = {
  label: ReactNode;
  /** unique among the columns; default: its position */
  key?: string;
  /** a column of numbers: right-aligned */
  numeric?: boolean;
  nowrap?: boolean;
};

/** A body cell's padding; a row's first cell is a `<th scope="row">` with `font-medium`. */
export const cellClass = "px-3 py-2";
/** A body row: a line under every row but the last, cells aligned to the top. */
export const rowClass = "border-b border-line align-top last:border-0";

/**
 * The staff pages' table: a region that scrolls sideways inside its card when the screen is
 * narrower than `minWidth` (a Tailwind class, e.g. "min-w-[48rem]"), named by its caption,
 * which is shown above the table or only read out (`captionHidden`), and one header row of
 * `columns`. The body rows are the caller's (`rowClass`, `cellClass`).
 */
export function DataTable({
  caption,
  captionHidden = false,
  columns,
  minWidth = "",
  testId,
  children,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: DataColumn[];
  minWidth?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <ScrollableTable label={caption}>
      <table className={`w-full text-left text-sm ${minWidth}`} data-testid={testId}>
        <caption className={captionHidden ? "sr-only" : "px-3 pt-2 text-left text-muted"}>{caption}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            {columns.map((column, index) => (
              <th
                key={column.key ?? index}
                scope="col"
                className={`px-3 py-2 font-semibold${column.numeric ? " text-right" : ""}${column.nowrap ? " whitespace-nowrap" : ""}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollableTable>
  );
}
