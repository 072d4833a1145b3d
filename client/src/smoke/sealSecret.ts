// The client's half of `readiness/secret`: seals a secret's value for the server's
// one-time key (ECDH P-256, HKDF-SHA-256, AES-256-GCM with the name as associated
// data), so that a verbose protocol trace in the output channel shows no value.
// Mirrors server/src/lsp/secretSeal.ts, which the client cannot import: keep the two in step.
import { createCipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import type { SealedSecret } from '../../../server/src/protocol';

const SEAL_CURVE = 'prime256v1';
const SEAL_INFO = 'readiness/secret v1';

export function sealSecret(name: string, value: string, serverPublicKey: string): SealedSecret {
  const ecdh = createECDH(SEAL_CURVE);
  ecdh.generateKeys();
  const shared = ecdh.computeSecret(Buffer.from(serverPublicKey, 'base64'));
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), SEAL_INFO, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    publicKey: ecdh.getPublicKey('base64'),
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}
