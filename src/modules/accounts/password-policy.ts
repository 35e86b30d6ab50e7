import { InvalidInputError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/security/secrets.ts';

export const MIN_PASSWORD_LENGTH = 10;

/** A new password: at least 10 characters with letters and digits, and not the username. */
export function checkNewPassword(field: string, password: string, username: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInputError(
      field,
      `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
      `use at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
    throw new InvalidInputError(field, '密码须同时包含字母和数字', 'use both letters and digits');
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new InvalidInputError(field, '密码不得包含用户名', 'must not contain the username');
  }
}

/** A temporary password an administrator hands over; the account must change it at first sign-in. */
export function temporaryPassword(): string {
  for (;;) {
    const candidate = randomToken(12);
    if (/[A-Za-z]/.test(candidate) && /[0-9]/.test(candidate)) return candidate;
  }
}
