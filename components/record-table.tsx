import type { ReactNode } from "react";
import { ScrollableTable } from "./scrollable-table";

export type RecordRow = { key: string | number; className?: string; cells: ReactNode[] };

/**
 * A list of records as a table that scrolls sideways on a narrow screen: a caption for screen
 * readers, a header row, and one row per record whose `rowHeader` cell names it (the import
 * history, the API tokens). `minWidth` is a Tailwind class written out by the page
 * (`min-w-[48rem]`), so that Tailwind sees it.
 */
export function RecordTable({
  label,
  columns,
  rows,
  rowHeader = 0,
  minWidth,
}: {
  label: string;
  columns: string[];
  rows: RecordRow[];
  rowHeader?: number;
  minWidth: string;
}) {
  return (
    <ScrollableTable label={label}>
      <table className={`w-full ${minWidth} text-left text-sm`}>
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-semibold">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={`border-b border-line align-top last:border-0 ${row.className ?? ""}`}
            >
              {row.cells.map((cell, i) =>
                i === rowHeader ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                  <th key={i} scope="row" className="px-4 py-2 font-normal">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                  <td key={i} className="px-4 py-2">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
