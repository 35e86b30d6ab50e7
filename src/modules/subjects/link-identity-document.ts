import { checkCode } from '../../core/identity/check-code.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { NATURAL_PERSON_KIND } from './kinds.ts';
import { findLinkedSubjectCode, findSubject, insertIdentityDocumentLink } from './store.ts';

export interface IdentityDocumentLink {
  subjectCode: string;
  documentKind: string;
  documentNumber: string;
}

/**
 * Links a natural person's passport, permit or residence card to the person's credit code, so records and
 * queries under that document reach the same subject (R41). Only where the profile links other documents
 * (Xiamen, 000 第六条 "公民身份证号等身份证明…护照、居住证等"); Weihai and Nantong key persons by the resident ID
 * number alone (003 第七条, 004 第十五条).
 */
export async function linkIdentityDocument(
  ctx: UseCaseContext,
  input: { subjectCode: string; documentNumber: string; basis: string },
): Promise<IdentityDocumentLink> {
  const today = ctx.clock.today();
  const rule = versionInForce(ctx.profile, today).version.parameters.scope.linkOtherIdentityDocuments;
  if (!rule.value) {
    throw new InvalidInputError(
      'documentNumber',
      `本市以居民身份证号码为自然人信用代码，不关联其他身份证件（${rule.source}）`,
      `this city keys natural persons by the resident ID number only and links no other document (${rule.source})`,
    );
  }
  const subject = await findSubject(ctx.db, checkCode(input.subjectCode, { today }).normalized);
  if (!subject || subject.kind !== NATURAL_PERSON_KIND) {
    throw new InvalidInputError(
      'subjectCode',
      '未找到该自然人信用主体',
      'no natural person with this credit code',
    );
  }
  const document = checkCode(input.documentNumber, { today });
  if (
    document.kind === 'uscc' ||
    document.kind === 'resident_id' ||
    document.kind === 'unknown' ||
    !document.valid
  ) {
    throw new InvalidInputError(
      'documentNumber',
      `不是可识别的护照、通行证、永久居留身份证或居住证号码${document.zh.error ? `：${document.zh.error}` : ''}`,
      `not a recognisable passport, permit, permanent residence card or residence permit number${document.error ? `: ${document.error}` : ''}`,
    );
  }
  const basis = input.basis.trim();
  if (basis === '') {
    throw new InvalidInputError(
      'basis',
      '请说明关联依据（如核验的证件材料）',
      'state the basis of the link (the documents checked)',
    );
  }
  const holder = await findLinkedSubjectCode(ctx.db, { kind: document.kind, number: document.normalized });
  if (holder !== undefined) {
    throw new InvalidInputError(
      'documentNumber',
      holder === subject.subjectCode ? '该证件已关联到此信用主体' : '该证件已关联到另一信用主体，请先核实',
      holder === subject.subjectCode
        ? 'this document is already linked to this subject'
        : 'this document is already linked to another subject; check before linking',
    );
  }
  const link = {
    subjectCode: subject.subjectCode,
    documentKind: document.kind,
    documentNumber: document.normalized,
  };
  await insertIdentityDocumentLink(ctx.db, {
    kind: document.kind,
    number: document.normalized,
    subjectCode: subject.subjectCode,
    linkedAt: ctx.clock.now(),
    linkedBy: ctx.actor.id,
    basis,
  });
  await ctx.audit.record({
    action: 'subject.link_identity_document',
    objectType: 'subject',
    objectId: subject.subjectCode,
    payload: { ...link, basis },
    detail: { documentKind: document.kind },
  });
  return link;
}
