type CsvCell = string | number | null | undefined;

function csvCell(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Saves rows as a CSV file from the browser, without another request: UTF-8 with a byte-order mark, so that
 * Excel on a Chinese Windows opens it, and CRLF line ends, as the platform's own CSV files have.
 */
export function downloadCsv(fileName: string, rows: ReadonlyArray<readonly CsvCell[]>): void {
  const text = `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has handed the file to the browser's download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
