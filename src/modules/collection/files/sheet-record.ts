import type { CellValue } from '../../../core/collection/row.ts';

/** One row of a sheet as its reader met it, before the header is known. */
export interface SheetRecord {
  /** The row's number in the sheet as the provider's spreadsheet counts it (1 = the first row). */
  position: number;
  cells: CellValue[];
}

/** A file that cannot be read at all: no row of it is validated, the whole upload is refused. */
export class UnreadableFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreadableFileError';
  }
}
