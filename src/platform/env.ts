import { ConfigError } from './config.ts';

type Env = Record<string, string | undefined>;

/** A setting that must be a whole number ≥ 1 (`"1e2"` and `"10.0"` are refused); `fallback` when unset. */
export function positiveIntegerSetting(env: Env, variable: string, fallback: number): number {
  const text = env[variable]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new ConfigError(variable, `"${text}" is not a whole number ≥ 1`);
  }
  return value;
}

/**
 * A secret key given in one line of an env file, with `\n` for its line breaks, read as the PEM it stands
 * for; undefined when unset.
 */
export function keySetting(env: Env, variable: string): string | undefined {
  return env[variable]?.replaceAll('\\n', '\n').trim() || undefined;
}
