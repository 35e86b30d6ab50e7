import type { SigningKeyEnvironment } from '../../platform/crypto/configured-key.ts';
import type { SigningKey } from '../../platform/crypto/signing.ts';
import { loadReportSigningKey } from './report-signing.ts';

/** What issuing a report needs beyond the use case's context: the key it signs with and where it is verified. */
export interface ReportSettings {
  signingKey(): SigningKey;
  /** The portal's public address (GONGXIN_PUBLIC_URL); the QR code on a report opens its verification page there. */
  publicUrl: string;
}

/** The key is read or generated on the first report, not at start-up, so an instance issuing none needs none. */
export function loadReportSettings(environment: SigningKeyEnvironment & { port: number }): ReportSettings {
  let key: SigningKey | undefined;
  const configured = environment.env.GONGXIN_PUBLIC_URL?.trim();
  return {
    signingKey() {
      key ??= loadReportSigningKey(environment);
      return key;
    },
    publicUrl: (configured || `http://localhost:${environment.port}`).replace(/\/+$/, ''),
  };
}
