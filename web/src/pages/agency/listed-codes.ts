/** The first cell of a line of a pasted list or a CSV/TXT file, without quotes or spaces around it. */
function firstCell(line: string): string {
  const cell = line.split(/[,;\t]/)[0] ?? '';
  return cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

/**
 * The subject codes of a list, one a line (the first column of a CSV file). A first line without a digit is
 * the file's header: every USCC and identity number has digits.
 */
export function listedCodes(
  text: string,
  options: { header: 'skip' | 'keep' } = { header: 'keep' },
): string[] {
  const cells = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(firstCell);
  const first = cells[0];
  const body = options.header === 'skip' && first !== undefined && !/\d/.test(first) ? cells.slice(1) : cells;
  return body.filter((code) => code !== '');
}
