import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/**
 * The staff pages' data table: captioned, one header row of column titles, scrolling sideways in its own box on a
 * narrow screen (see TableScroll). The caption also names the scroll box.
 */
export function StaffTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((title, i) => <th key={i} scope="col">{title}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
