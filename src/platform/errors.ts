/**
 * Bad input to a use case: names the field and the reason, in Chinese for the person reading it and in
 * English for logs and English-speaking callers. Routes answer it with 400; the CLI prints it and exits 2.
 */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly reasonEn: string,
  ) {
    super(`${field}: ${reasonEn}`);
    this.name = 'InvalidInputError';
  }
}
