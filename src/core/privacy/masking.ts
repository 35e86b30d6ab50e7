/**
 * Masks for personal data shown to a viewer who is not entitled to the full value (DESIGN house rules:
 * 身份证号 `3502**********123X`, a natural person's name `张*`). A mask keeps the length, so a reader can
 * still tell one masked value from another of a different kind, and never more than the ends.
 */

const MASK = '*';

/**
 * An identity document number: an 18-character resident ID keeps its first four (province and city) and
 * last four characters; shorter documents (passports, permits) keep only the first and the last two.
 */
export function maskIdNumber(idNumber: string): string {
  const characters = [...idNumber];
  const [head, tail] = characters.length >= 15 ? [4, 4] : characters.length >= 6 ? [1, 2] : [0, 0];
  return [
    ...characters.slice(0, head),
    ...characters.slice(head, characters.length - tail).map(() => MASK),
    ...characters.slice(characters.length - tail),
  ].join('');
}

/** A natural person's name keeps its first character (张三 → 张*, 欧阳娜娜 → 欧***). */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length === 0) return '';
  return characters[0] + MASK.repeat(Math.max(characters.length - 1, 1));
}
