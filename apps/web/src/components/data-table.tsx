import type { ReactNode } from 'react';
import { TableScroll } from './staff/table-scroll';

/**
 * The one data table of the staff pages and reports: captioned, one header row of column titles, scrolling sideways
 * in its own box on a narrow screen (see TableScroll). The box is named by `label`, else by the caption.
 */
export function DataTable({ caption, label, columns, wide, footer, children }: ({ caption: string; label?: string } | { caption: ReactNode; label: string }) & {
  columns: readonly ReactNode[];
  wide?: boolean;
  /** Rows of a <tfoot> (totals). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label ?? (caption as string)}>
      <table className={wide ? 'data-table data-table--wide' : 'data-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((title, i) => <th key={i} scope="col">{title}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </TableScroll>
  );
}
