import path from 'node:path';
import { ConfigError } from '../../platform/config.ts';
import { configuredSigningKey, type SigningKeyEnvironment } from '../../platform/crypto/configured-key.ts';
import { type HashAlgorithm, isHashAlgorithm } from '../../platform/crypto/hash.ts';
import type { SigningKey } from '../../platform/crypto/signing.ts';
import { positiveIntegerSetting } from '../../platform/env.ts';

/**
 * How the audit log is kept, from the environment:
 * - GONGXIN_AUDIT_HASH: sm3 (default) | sha256 — fixed for good when the tree gets its first leaf.
 * - GONGXIN_AUDIT_CHECKPOINT_EVERY (default 1000) / GONGXIN_AUDIT_CHECKPOINT_MINUTES (default 10): a
 *   checkpoint is signed when that many entries were added since the last one, or that many minutes passed
 *   and at least one entry was added.
 * - GONGXIN_AUDIT_SIGNING_KEY: the checkpoint signing key, PEM (PKCS#8, or SEC1 for SM2) or 64 hex digits;
 *   GONGXIN_AUDIT_SIGNING_ALGORITHM: sm2 (default) | ed25519. Without a key, a production instance
 *   (NODE_ENV=production) refuses to sign; any other instance signs with a demo key it generates once in
 *   its data directory (audit-signing-key.pem, mode 0600) and says so loudly every time it loads it.
 * - GONGXIN_AUDIT_EXPORT_DIR / GONGXIN_AUDIT_EXPORT_URL: where each checkpoint is delivered, as a
 *   self-contained JSON file (checkpoint-<size>.json) or an HTTP(S) POST of the same JSON.
 * - GONGXIN_AUDIT_INTERVAL_SECONDS (default 10): how often `serve` runs the integrator and checkpointing.
 */
export interface AuditSettings {
  hashAlgorithm: HashAlgorithm;
  checkpointEvery: number;
  checkpointMinutes: number;
  exportDir: string | undefined;
  exportUrl: URL | undefined;
  intervalSeconds: number;
  /** The checkpoint signing key, loaded (or, for a demo instance, created) on first use. */
  signingKey(): SigningKey;
}

export type AuditEnvironment = SigningKeyEnvironment;

export const DEMO_KEY_FILE = 'audit-signing-key.pem';

function exportUrl(text: string | undefined): URL | undefined {
  if (!text?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError('GONGXIN_AUDIT_EXPORT_URL', `"${text}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('GONGXIN_AUDIT_EXPORT_URL', `must be http(s), not ${url.protocol}`);
  }
  return url;
}

export function loadAuditSettings(environment: AuditEnvironment): AuditSettings {
  const { env } = environment;
  const hash = (env.GONGXIN_AUDIT_HASH?.trim() || 'sm3').toLowerCase();
  if (!isHashAlgorithm(hash)) throw new ConfigError('GONGXIN_AUDIT_HASH', `"${hash}" is not sm3 or sha256`);
  const signingKey = configuredSigningKey(
    {
      keyVariable: 'GONGXIN_AUDIT_SIGNING_KEY',
      algorithmVariable: 'GONGXIN_AUDIT_SIGNING_ALGORITHM',
      demoFile: DEMO_KEY_FILE,
      signs: { zh: '审计检查点', en: 'audit checkpoints' },
    },
    environment,
  );
  return {
    hashAlgorithm: hash,
    checkpointEvery: positiveIntegerSetting(env, 'GONGXIN_AUDIT_CHECKPOINT_EVERY', 1000),
    checkpointMinutes: positiveIntegerSetting(env, 'GONGXIN_AUDIT_CHECKPOINT_MINUTES', 10),
    exportDir: env.GONGXIN_AUDIT_EXPORT_DIR?.trim()
      ? path.resolve(env.GONGXIN_AUDIT_EXPORT_DIR.trim())
      : undefined,
    exportUrl: exportUrl(env.GONGXIN_AUDIT_EXPORT_URL),
    intervalSeconds: positiveIntegerSetting(env, 'GONGXIN_AUDIT_INTERVAL_SECONDS', 10),
    signingKey,
  };
}
