import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../platform/config.ts';
import { type HashAlgorithm, isHashAlgorithm } from '../../platform/crypto/hash.ts';
import {
  generateSigningKey,
  isSignatureAlgorithm,
  parseSigningKey,
  type SignatureAlgorithm,
  type SigningKey,
  SigningKeyError,
} from '../../platform/crypto/signing.ts';
import { keySetting, positiveIntegerSetting } from '../../platform/env.ts';

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

export interface AuditEnvironment {
  env: Record<string, string | undefined>;
  dataDir: string;
  production: boolean;
  /** Where the loud demo-key warning goes (the log, or stderr for the CLI). */
  warn(message: string): void;
}

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

function signatureAlgorithm(env: Record<string, string | undefined>): SignatureAlgorithm | undefined {
  const text = env.GONGXIN_AUDIT_SIGNING_ALGORITHM?.trim().toLowerCase();
  if (!text) return undefined;
  if (!isSignatureAlgorithm(text)) {
    throw new ConfigError('GONGXIN_AUDIT_SIGNING_ALGORITHM', `"${text}" is not sm2 or ed25519`);
  }
  return text;
}

/** The demo key of a data directory: read when it exists, generated (mode 0600, never overwritten) when not. */
function demoKey(
  dataDir: string,
  algorithm: SignatureAlgorithm,
  warn: (message: string) => void,
): SigningKey {
  const file = path.join(dataDir, DEMO_KEY_FILE);
  let key: SigningKey;
  if (fs.existsSync(file)) {
    key = parseSigningKey(fs.readFileSync(file, 'utf8'));
  } else {
    const generated = generateSigningKey(algorithm);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, generated.privateKeyPem, { mode: 0o600, flag: 'wx' });
    key = generated.key;
  }
  warn(
    `!!! 审计检查点正在使用演示签名密钥 ${file}（${key.algorithm}，密钥 ${key.keyId}）。生产环境必须设置 GONGXIN_AUDIT_SIGNING_KEY。\n` +
      `!!! Audit checkpoints are signed with the DEMO key ${file} (${key.algorithm}, key ${key.keyId}). ` +
      'Production must set GONGXIN_AUDIT_SIGNING_KEY.',
  );
  return key;
}

export function loadAuditSettings(environment: AuditEnvironment): AuditSettings {
  const { env } = environment;
  const hash = (env.GONGXIN_AUDIT_HASH?.trim() || 'sm3').toLowerCase();
  if (!isHashAlgorithm(hash)) throw new ConfigError('GONGXIN_AUDIT_HASH', `"${hash}" is not sm3 or sha256`);
  const algorithm = signatureAlgorithm(env);
  let key: SigningKey | undefined;
  return {
    hashAlgorithm: hash,
    checkpointEvery: positiveIntegerSetting(env, 'GONGXIN_AUDIT_CHECKPOINT_EVERY', 1000),
    checkpointMinutes: positiveIntegerSetting(env, 'GONGXIN_AUDIT_CHECKPOINT_MINUTES', 10),
    exportDir: env.GONGXIN_AUDIT_EXPORT_DIR?.trim()
      ? path.resolve(env.GONGXIN_AUDIT_EXPORT_DIR.trim())
      : undefined,
    exportUrl: exportUrl(env.GONGXIN_AUDIT_EXPORT_URL),
    intervalSeconds: positiveIntegerSetting(env, 'GONGXIN_AUDIT_INTERVAL_SECONDS', 10),
    signingKey() {
      if (key) return key;
      const text = keySetting(env, 'GONGXIN_AUDIT_SIGNING_KEY');
      if (text) {
        try {
          key = parseSigningKey(text, algorithm);
        } catch (error) {
          if (error instanceof SigningKeyError)
            throw new ConfigError('GONGXIN_AUDIT_SIGNING_KEY', error.message);
          throw error;
        }
      } else if (environment.production) {
        throw new ConfigError(
          'GONGXIN_AUDIT_SIGNING_KEY',
          'must be set in production (NODE_ENV=production): audit checkpoints are not signed with a generated demo key there',
        );
      } else {
        key = demoKey(environment.dataDir, algorithm ?? 'sm2', environment.warn);
      }
      return key;
    },
  };
}
