/** Plain-text tables with aligned columns, readable in a terminal and pasteable into a report. */

export interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i]!;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [
    line(columns.map((c) => c.header)),
    rule,
    ...rows.map((row) => (row.length === 0 ? '' : line(row))),
  ].join('\n');
}
