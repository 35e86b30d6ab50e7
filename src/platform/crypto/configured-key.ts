import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';
import { keySetting } from '../env.ts';
import {
  generateSigningKey,
  isSignatureAlgorithm,
  parseSigningKey,
  type SignatureAlgorithm,
  type SigningKey,
  SigningKeyError,
} from './signing.ts';

/** Where an instance finds a signing key: its environment, its data directory, and whether it is production. */
export interface SigningKeyEnvironment {
  env: Record<string, string | undefined>;
  dataDir: string;
  production: boolean;
  /** Where the loud demo-key warning goes (the log, or stderr for the CLI). */
  warn(message: string): void;
}

/** One signing key setting: the variables that hold it, its demo file, and what it signs (for the messages). */
export interface SigningKeySetting {
  /** PEM (PKCS#8, or SEC1 for SM2) or 64 hex digits, one line with `\n` allowed. */
  keyVariable: string;
  /** sm2 (default) | ed25519. */
  algorithmVariable: string;
  /** The demo key's file name in the data directory. */
  demoFile: string;
  /** What the key signs, plural, in both languages: `审计检查点` / `audit checkpoints`. */
  signs: { zh: string; en: string };
}

function configuredAlgorithm(
  env: Record<string, string | undefined>,
  variable: string,
): SignatureAlgorithm | undefined {
  const text = env[variable]?.trim().toLowerCase();
  if (!text) return undefined;
  if (!isSignatureAlgorithm(text)) throw new ConfigError(variable, `"${text}" is not sm2 or ed25519`);
  return text;
}

/** The demo key of a data directory: read when it exists, generated (mode 0600, never overwritten) when not. */
function demoKey(
  setting: SigningKeySetting,
  environment: SigningKeyEnvironment,
  algorithm: SignatureAlgorithm,
): SigningKey {
  const file = path.join(environment.dataDir, setting.demoFile);
  let key: SigningKey;
  if (fs.existsSync(file)) {
    key = parseSigningKey(fs.readFileSync(file, 'utf8'));
  } else {
    const generated = generateSigningKey(algorithm);
    fs.mkdirSync(environment.dataDir, { recursive: true });
    fs.writeFileSync(file, generated.privateKeyPem, { mode: 0o600, flag: 'wx' });
    key = generated.key;
  }
  const { zh, en } = setting.signs;
  environment.warn(
    `!!! ${zh}正在使用演示签名密钥 ${file}（${key.algorithm}，密钥 ${key.keyId}）。生产环境必须设置 ${setting.keyVariable}。\n` +
      `!!! ${en.charAt(0).toUpperCase()}${en.slice(1)} are signed with the DEMO key ${file} (${key.algorithm}, key ${key.keyId}). ` +
      `Production must set ${setting.keyVariable}.`,
  );
  return key;
}

/**
 * The signing key of one setting, loaded on the first call and kept: the configured key, or — outside
 * production only — a demo key the instance generates once in its data directory and warns about every
 * time it loads it. A production instance without a key refuses rather than sign with a key nobody
 * controls. The algorithm variable is checked at once, so a typo fails at startup, not at the first signature.
 */
export function configuredSigningKey(
  setting: SigningKeySetting,
  environment: SigningKeyEnvironment,
): () => SigningKey {
  const { env } = environment;
  const algorithm = configuredAlgorithm(env, setting.algorithmVariable);
  let key: SigningKey | undefined;
  return () => {
    if (key) return key;
    const text = keySetting(env, setting.keyVariable);
    if (text) {
      try {
        key = parseSigningKey(text, algorithm);
      } catch (error) {
        if (error instanceof SigningKeyError) throw new ConfigError(setting.keyVariable, error.message);
        throw error;
      }
    } else if (environment.production) {
      throw new ConfigError(
        setting.keyVariable,
        `must be set in production (NODE_ENV=production): ${setting.signs.en} are not signed with a generated demo key there`,
      );
    } else {
      key = demoKey(setting, environment, algorithm ?? 'sm2');
    }
    return key;
  };
}
