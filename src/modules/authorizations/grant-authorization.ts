import { randomInt } from 'node:crypto';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { publishedVersions } from '../catalog/store.ts';
import { type AuthorizationRow, insertAuthorization } from './store.ts';

/** Letters and digits a person reads aloud or types without confusing 0/O or 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

export function newAccessCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/**
 * The items an authorization names, or null for all 授权查询 items (R80's default) — also when the request
 * sends an empty list or empty strings (a JSON null can reach here as [""] after validation coerces it).
 */
export function authorizedItemsOf(items: readonly string[] | null | undefined): string[] | null {
  const named = (items ?? []).map((item) => item.trim()).filter((item) => item !== '');
  return named.length > 0 ? named : null;
}

export interface GrantInput {
  verifiedSubjectCode: string | null;
  granteeCode: string;
  granteeName: string;
  purpose: string;
  /** Item codes of 授权查询 items; null or absent: all of them (R80). */
  items?: readonly string[] | null;
  /** ISO date; null or absent: one report on the day of application. */
  validUntil?: string | null;
  recordedBy: string;
}

/**
 * A subject, in its own verified session, authorizes a named party to query its non-public records for an
 * agreed purpose, within items and a validity (000 第十八条; R80). The party receives a code to present —
 * online where the city allows it (NT), at a service point or window otherwise (R77, R79).
 */
export async function grantAuthorization(ctx: UseCaseContext, input: GrantInput): Promise<AuthorizationRow> {
  const subjectCode = requireVerifiedSubject(input.verifiedSubjectCode);
  const granteeCode = input.granteeCode.trim().toUpperCase();
  if (granteeCode === subjectCode) {
    throw new InvalidInputError('granteeCode', '不能授权给本主体自己', 'a subject does not authorize itself');
  }
  if (input.purpose.trim() === '') {
    // 000 第十八条: 约定的查询用途.
    throw new InvalidInputError('purpose', '须载明约定的查询用途', 'the agreed purpose is required');
  }
  const today = ctx.clock.today().toString();
  if (input.validUntil && input.validUntil < today) {
    throw new InvalidInputError('validUntil', '有效期不能早于今天', 'the validity cannot end before today');
  }
  const items = authorizedItemsOf(input.items);
  if (items) {
    const authorizedItems = new Set(
      (await publishedVersions(ctx.db))
        .filter((v) => v.definition.disclosure === 'authorized')
        .map((v) => v.itemCode),
    );
    const unknown = items.find((item) => !authorizedItems.has(item));
    if (unknown !== undefined) {
      throw new InvalidInputError(
        'items',
        `${unknown} 不是授权查询事项`,
        `${unknown} is not an authorized-query item`,
      );
    }
  }
  const authorization = await insertAuthorization(ctx.db, {
    subjectCode,
    granteeCode,
    granteeName: input.granteeName.trim(),
    purpose: input.purpose.trim(),
    items,
    form: 'ONLINE_CODE',
    signedOn: today,
    validFrom: today,
    validUntil: input.validUntil ?? null,
    accessCode: newAccessCode(),
    recordedBy: input.recordedBy,
    createdAt: ctx.clock.now(),
  });
  await ctx.audit.record({
    action: 'authorization.granted',
    objectType: 'subject',
    objectId: subjectCode,
    purpose: authorization.purpose,
    payload: { authorizationId: authorization.authorizationId, granteeCode, items: authorization.items },
  });
  return authorization;
}
