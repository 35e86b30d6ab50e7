// The identity core's public surface: kind detection and checks, the check-character functions others use
// to make demo codes, the lenient USCC rule and the civil-capacity rule.
export { type CheckCodeOptions, type CodeCheck, checkCode } from './check-code.ts';
export {
  assessCivilCapacity,
  type CivilCapacityAssessment,
  type CivilCapacityInput,
} from './civil-capacity.ts';
export { describeDivision, type RegionDetails } from './divisions.ts';
export { computeOrganizationCodeCheckCharacter } from './organization-code.ts';
export {
  CODE_KIND_LABELS,
  type CodeKind,
  type DetailsByKind,
  type Gender,
  type PassportType,
} from './reading.ts';
export { ageOn, computeResidentIdCheckDigit, convertLegacyResidentId } from './resident-id.ts';
export { computeUsccCheckCharacter, USCC_CHARACTERS } from './uscc.ts';
export { acceptUscc, type UsccAcceptance } from './uscc-acceptance.ts';
