/** Kinds of credit subject (主体类型, spec §1.1) as stored in `subject.kind`. */
export const SUBJECT_KINDS = [
  'company',
  'individual_business',
  'social_organization',
  'public_institution',
  'other_organization',
  'natural_person',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const NATURAL_PERSON_KIND: SubjectKind = 'natural_person';
