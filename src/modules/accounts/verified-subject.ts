import { HttpProblem } from '../../http/errors.ts';

/**
 * The subject a session's real-name verification bound it to, or 403 REALNAME_REQUIRED: non-public data of a
 * subject reaches its own session only after verification (000 第十八条; 002 第六条(一); R75).
 */
export function requireVerifiedSubject(verifiedSubjectCode: string | null): string {
  if (!verifiedSubjectCode) {
    throw new HttpProblem(
      403,
      'REALNAME_REQUIRED',
      '请先完成实名认证 / Complete real-name verification first',
    );
  }
  return verifiedSubjectCode;
}
