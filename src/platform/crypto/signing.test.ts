import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  parseSigningKey,
  type SignatureAlgorithm,
  SigningKeyError,
  SM2_USER_ID,
  verifySignature,
} from './signing.ts';

// OpenSSL 3 is an independent implementation of both algorithms: a signature it accepts is one any
// other verifier can check, which is the point of exporting checkpoints.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongxin-signing-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Asks OpenSSL whether `signature` signs `message` under the PEM public key; true when it says so. */
function opensslVerifies(
  algorithm: SignatureAlgorithm,
  publicKeyPem: string,
  message: Uint8Array,
  signature: Uint8Array,
) {
  const args =
    algorithm === 'sm2'
      ? [
          'dgst',
          '-sm3',
          '-verify',
          write('pub.pem', publicKeyPem),
          '-signature',
          write('sig', signature),
          '-sigopt',
          `distid:${SM2_USER_ID}`,
          write('msg', message),
        ]
      : [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          write('pub.pem', publicKeyPem),
          '-rawin',
          '-in',
          write('msg', message),
          '-sigfile',
          write('sig', signature),
        ];
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  return result.status === 0 && /Verified OK|Verified Successfully/.test(result.stdout);
}

const message = Buffer.from('gongxin-audit-checkpoint/v1\nhash sm3\nsize 10000\n');

describe.each(['sm2', 'ed25519'] as const)('%s checkpoint signatures', (algorithm) => {
  const { key, privateKeyPem } = generateSigningKey(algorithm);

  it('OpenSSL verifies our signature with our PEM public key, and refuses it for a changed message', () => {
    const signature = key.sign(message);
    expect(opensslVerifies(algorithm, key.publicKeyPem, message, signature)).toBe(true);
    expect(opensslVerifies(algorithm, key.publicKeyPem, Buffer.from(`${message}x`), signature)).toBe(false);
    expect(verifySignature(algorithm, key.publicKeyPem, message, signature)).toBe(true);
    expect(verifySignature(algorithm, key.publicKeyPem, Buffer.from(`${message}x`), signature)).toBe(false);
  });

  it('the generated PKCS#8 PEM reads back as the same key, and OpenSSL reads it too', () => {
    expect(parseSigningKey(privateKeyPem).keyId).toBe(key.keyId);
    const derived = execFileSync('openssl', ['pkey', '-in', write('key.pem', privateKeyPem), '-pubout'], {
      encoding: 'utf8',
    });
    expect(derived).toBe(key.publicKeyPem);
  });

  it('a key of the other algorithm is refused, naming both', () => {
    const other = algorithm === 'sm2' ? 'ed25519' : 'sm2';
    expect(() => parseSigningKey(privateKeyPem, other)).toThrow(
      `the key is an ${algorithm} key, not ${other}`,
    );
  });
});

describe('keys written by OpenSSL', () => {
  it('an SM2 key OpenSSL generated (PKCS#8 and SEC1 PEM) signs what OpenSSL verifies', () => {
    const pkcs8 = execFileSync(
      'openssl',
      ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2'],
      { encoding: 'utf8' },
    );
    const sec1 = execFileSync('openssl', ['ec', '-in', write('sm2.pem', pkcs8)], {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    expect(sec1).toContain('PRIVATE KEY');
    expect(sec1).not.toContain('BEGIN PRIVATE KEY');
    const fromPkcs8 = parseSigningKey(pkcs8);
    expect(parseSigningKey(sec1).keyId).toBe(fromPkcs8.keyId);
    const opensslPublic = execFileSync('openssl', ['pkey', '-in', write('sm2.pem', pkcs8), '-pubout'], {
      encoding: 'utf8',
    });
    expect(opensslVerifies('sm2', opensslPublic, message, fromPkcs8.sign(message))).toBe(true);
  });

  it('an Ed25519 key given as 64 hex digits (its seed) is the same key as its PEM', () => {
    const pem = execFileSync('openssl', ['genpkey', '-algorithm', 'ED25519'], { encoding: 'utf8' });
    const seed = execFileSync('openssl', ['pkey', '-in', write('ed.pem', pem), '-outform', 'DER']).subarray(
      -32,
    );
    expect(parseSigningKey(seed.toString('hex'), 'ed25519').keyId).toBe(parseSigningKey(pem).keyId);
  });

  it('an SM2 hex private key needs its algorithm; garbage is refused with the reason', () => {
    const hexKey = 'a'.repeat(64);
    expect(() => parseSigningKey(hexKey)).toThrow(SigningKeyError);
    expect(parseSigningKey(hexKey, 'sm2').algorithm).toBe('sm2');
    expect(() => parseSigningKey('not a key')).toThrow(/PEM private key or 64 hex digits/);
    expect(() => parseSigningKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toThrow(
      /expected a PRIVATE KEY/,
    );
  });
});
