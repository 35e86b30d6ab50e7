import {
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
  randomBytes,
} from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { derChildren, derRoot, MalformedKeyError, pemDecode, pemEncode } from './der.ts';
import { digest } from './hash.ts';

/**
 * Signatures over audit checkpoints: SM2 (GB/T 32918, signed with sm-crypto-v2 because Node's own SM2
 * signing does not produce interoperable signatures) by default, Ed25519 from node:crypto as the
 * alternative. Keys travel as PEM (PKCS#8 or SEC1 private keys, SubjectPublicKeyInfo public keys) so
 * OpenSSL and any other implementation can check the signatures.
 */
export const SIGNATURE_ALGORITHMS = ['sm2', 'ed25519'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export function isSignatureAlgorithm(value: string): value is SignatureAlgorithm {
  return (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** The signer's distinguishing identifier of GM/T 0009 §10 (ZA = SM3(ENTLA ‖ ID ‖ a ‖ b ‖ G ‖ PA)). */
export const SM2_USER_ID = '1234567812345678';

export interface SigningKey {
  algorithm: SignatureAlgorithm;
  keyId: string;
  /** SubjectPublicKeyInfo, PEM. */
  publicKeyPem: string;
  /** SM2: DER-encoded (r, s) over SM3(ZA ‖ message); Ed25519: the 64-byte signature of the message. */
  sign(message: Uint8Array): Buffer;
}

export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

const OID_EC_PUBLIC_KEY = Buffer.from('2a8648ce3d0201', 'hex');
const OID_SM2_CURVE = Buffer.from('2a811ccf5501822d', 'hex');
const OID_ED25519 = Buffer.from('2b6570', 'hex');
const TAG_OID = 0x06;

/** SubjectPublicKeyInfo of an SM2 key up to its uncompressed point: id-ecPublicKey, curve sm2, BIT STRING. */
const SM2_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
/** PKCS#8 of an SM2 key up to d, then [1] the public point (the layout OpenSSL writes). */
const SM2_PKCS8_PREFIX = Buffer.from(
  '308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420',
  'hex',
);
const SM2_PKCS8_PUBLIC_PREFIX = Buffer.from('a144034200', 'hex');
/** PKCS#8 of an Ed25519 key up to its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A short, stable name for a public key: the first 8 bytes of SM3 over its SubjectPublicKeyInfo. */
export function keyIdOf(publicKeyPem: string): string {
  return digest('sm3', pemDecode(publicKeyPem).der).subarray(0, 8).toString('hex');
}

function sm2PublicKeyPem(publicKeyHex: string): string {
  return pemEncode('PUBLIC KEY', Buffer.concat([SM2_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]));
}

function sm2Key(privateKeyHex: string): SigningKey {
  const publicKeyHex = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
  const publicKeyPem = sm2PublicKeyPem(publicKeyHex);
  return {
    algorithm: 'sm2',
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (message) =>
      Buffer.from(
        sm2.doSignature(message, privateKeyHex, {
          der: true,
          hash: true,
          publicKey: publicKeyHex,
          userId: SM2_USER_ID,
        }),
        'hex',
      ),
  };
}

function ed25519Key(privateKey: KeyObject): SigningKey {
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    algorithm: 'ed25519',
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    sign: (message) => nodeSign(null, message, privateKey),
  };
}

function ed25519FromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

function isOid(element: { tag: number; value: Uint8Array } | undefined, oid: Buffer): boolean {
  return element?.tag === TAG_OID && Buffer.from(element.value).equals(oid);
}

/** d from a SEC1 ECPrivateKey (RFC 5915): SEQUENCE { 1, OCTET STRING d, [0] curve?, [1] point? }. */
function sm2PrivateScalar(ecPrivateKey: Uint8Array, requireCurve: boolean): string {
  const fields = derChildren(derRoot(ecPrivateKey).value);
  const d = fields[1];
  if (d?.tag !== 0x04 || d.value.length > 32) throw new MalformedKeyError('no 32-byte SM2 private key');
  const parameters = fields.find((field) => field.tag === 0xa0);
  if (parameters && !isOid(derRoot(parameters.value), OID_SM2_CURVE)) {
    throw new MalformedKeyError('the EC key is not on the SM2 curve');
  }
  if (requireCurve && !parameters) throw new MalformedKeyError('the EC key does not name its curve');
  return Buffer.from(d.value).toString('hex').padStart(64, '0');
}

function parsePem(text: string): SigningKey {
  const { label, der } = pemDecode(text);
  // SEC1: OpenSSL labels an SM2 key "SM2 PRIVATE KEY", other tools "EC PRIVATE KEY".
  if (label === 'EC PRIVATE KEY' || label === 'SM2 PRIVATE KEY') return sm2Key(sm2PrivateScalar(der, true));
  if (label !== 'PRIVATE KEY') throw new MalformedKeyError(`expected a PRIVATE KEY, found ${label}`);
  const [, algorithmIdentifier, privateKey] = derChildren(derRoot(der).value);
  const oids = algorithmIdentifier ? derChildren(algorithmIdentifier.value) : [];
  if (isOid(oids[0], OID_ED25519)) {
    return ed25519Key(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  }
  if (isOid(oids[0], OID_EC_PUBLIC_KEY) && isOid(oids[1], OID_SM2_CURVE) && privateKey?.tag === 0x04) {
    return sm2Key(sm2PrivateScalar(privateKey.value, false));
  }
  throw new MalformedKeyError('the PKCS#8 key is neither SM2 nor Ed25519');
}

/**
 * A signing key from its text: a PEM private key (PKCS#8, or SEC1 for SM2), whose algorithm it carries,
 * or 64 hex digits (an SM2 private scalar or an Ed25519 seed), which need `algorithm`. A stated
 * algorithm that disagrees with the PEM's is an error, not a silent choice.
 */
export function parseSigningKey(text: string, algorithm?: SignatureAlgorithm): SigningKey {
  const trimmed = text.trim();
  let key: SigningKey;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    if (!algorithm) throw new SigningKeyError('a hex key needs its algorithm (sm2 or ed25519)');
    key =
      algorithm === 'sm2'
        ? sm2Key(trimmed.toLowerCase())
        : ed25519Key(ed25519FromSeed(Buffer.from(trimmed, 'hex')));
  } else if (trimmed.startsWith('-----BEGIN')) {
    try {
      key = parsePem(trimmed);
    } catch (error) {
      if (error instanceof MalformedKeyError) throw new SigningKeyError(error.message);
      throw error;
    }
  } else {
    throw new SigningKeyError('expected a PEM private key or 64 hex digits');
  }
  if (algorithm && key.algorithm !== algorithm) {
    throw new SigningKeyError(`the key is an ${key.algorithm} key, not ${algorithm}`);
  }
  return key;
}

/** A new key and its PKCS#8 PEM, readable by `parseSigningKey` and by OpenSSL. */
export function generateSigningKey(algorithm: SignatureAlgorithm): {
  key: SigningKey;
  privateKeyPem: string;
} {
  if (algorithm === 'ed25519') {
    const seed = randomBytes(32);
    const der = Buffer.concat([ED25519_PKCS8_PREFIX, seed]);
    return { key: ed25519Key(ed25519FromSeed(seed)), privateKeyPem: pemEncode('PRIVATE KEY', der) };
  }
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  const d = privateKey.padStart(64, '0');
  const der = Buffer.concat([
    SM2_PKCS8_PREFIX,
    Buffer.from(d, 'hex'),
    SM2_PKCS8_PUBLIC_PREFIX,
    Buffer.from(publicKey, 'hex'),
  ]);
  return { key: sm2Key(d), privateKeyPem: pemEncode('PRIVATE KEY', der) };
}

/** The uncompressed SM2 point (04 ‖ x ‖ y, hex) of a SubjectPublicKeyInfo PEM. */
function sm2PublicPoint(publicKeyPem: string): string {
  const { der } = pemDecode(publicKeyPem);
  const [algorithmIdentifier, bitString] = derChildren(derRoot(der).value);
  const oids = algorithmIdentifier ? derChildren(algorithmIdentifier.value) : [];
  if (!isOid(oids[0], OID_EC_PUBLIC_KEY) || !isOid(oids[1], OID_SM2_CURVE) || bitString?.tag !== 0x03) {
    throw new MalformedKeyError('not an SM2 public key');
  }
  return Buffer.from(bitString.value.subarray(1)).toString('hex');
}

/** Verifying many checkpoints of one key: the point's precomputed multiples make each check ~5× faster. */
const precomputedSm2Keys = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();

/** Does `signature` sign `message` under the public key? Malformed keys or signatures answer false. */
export function verifySignature(
  algorithm: SignatureAlgorithm,
  publicKeyPem: string,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    if (algorithm === 'ed25519') {
      const key = createPublicKey(publicKeyPem);
      return key.asymmetricKeyType === 'ed25519' && nodeVerify(null, message, key, signature);
    }
    const point = sm2PublicPoint(publicKeyPem);
    let precomputed = precomputedSm2Keys.get(point);
    if (!precomputed) {
      precomputed = sm2.precomputePublicKey(point);
      precomputedSm2Keys.set(point, precomputed);
    }
    return sm2.doVerifySignature(message, Buffer.from(signature).toString('hex'), precomputed, {
      der: true,
      hash: true,
      userId: SM2_USER_ID,
    });
  } catch {
    return false;
  }
}
