import type { CodeCheck } from '../../core/identity/check-code.ts';
import type { SubjectKind } from './kinds.ts';

/**
 * The kind of subject a valid code names. A USCC says it itself (GB 32100-2015 附录: registration authority
 * and organization type, positions 1–2); every other code a record may be keyed by names a natural person.
 */
export function kindOfCode(check: CodeCheck): SubjectKind {
  if (check.kind !== 'uscc') return 'natural_person';
  const authority = check.details.registrationAuthority.code;
  const type = check.details.organizationType.code;
  if (authority === '9') return type === '2' ? 'individual_business' : 'company';
  if (authority === '5') return 'social_organization';
  if (authority === '1' && type === '2') return 'public_institution';
  return 'other_organization';
}

/** The administrative division a code carries (USCC positions 3–8, ID number positions 1–6), if any. */
export function divisionOfCode(check: CodeCheck): string | null {
  if (check.kind === 'uscc' || check.kind === 'resident_id') {
    const code = check.details.region.code;
    return /^[0-9]{6}$/.test(code) ? code : null;
  }
  return null;
}
