/**
 * Organization code (组织机构代码, GB 11714-1997): eight body characters (digits and capital letters) and a
 * check character. Inside a USCC it occupies positions 9–17.
 */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY = /^[0-9A-Z]{8}$/;

/** Digits count as themselves, letters A–Z as 10–35 (GB 11714-1997). */
function characterValue(character: string): number {
  return Number.parseInt(character, 36);
}

export function computeOrganizationCodeCheckCharacter(body8: string): string {
  if (!BODY.test(body8)) {
    throw new RangeError(`body8: "${body8}" must be 8 characters of 0-9 and A-Z`);
  }
  const sum = WEIGHTS.reduce(
    (total, weight, index) => total + weight * characterValue(body8.charAt(index)),
    0,
  );
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

export function isOrganizationCodeCheckValid(code9: string): boolean {
  return (
    code9.length === 9 &&
    BODY.test(code9.slice(0, 8)) &&
    computeOrganizationCodeCheckCharacter(code9.slice(0, 8)) === code9.charAt(8)
  );
}
