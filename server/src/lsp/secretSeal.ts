// The server's half of `readiness/secret`: a one-time ECDH key per question, so
// the client can seal the value for this process only. The value crosses the
// LSP pipe, and a verbose protocol trace writes every response into the
// "Readiness" output channel; sealed, the trace shows nothing usable.
import { createDecipheriv, createECDH, hkdfSync } from 'node:crypto';
import type { SealedSecret } from '../protocol';

/** Shared with client/src/smoke/sealSecret.ts, which cannot import server code: keep the two in step. */
export const SEAL_CURVE = 'prime256v1';
export const SEAL_INFO = 'readiness/secret v1';

export interface SecretOpener {
  /** The one-time public key to send with the question (uncompressed point, base64). */
  readonly publicKey: string;
  /** The value, or undefined when the answer was not sealed for this key and name. */
  open(name: string, sealed: SealedSecret): string | undefined;
}

export function createSecretOpener(): SecretOpener {
  const ecdh = createECDH(SEAL_CURVE);
  ecdh.generateKeys();
  return {
    publicKey: ecdh.getPublicKey('base64'),
    open(name, sealed) {
      try {
        const shared = ecdh.computeSecret(Buffer.from(sealed.publicKey, 'base64'));
        const key = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), SEAL_INFO, 32));
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
        // The name is authenticated too: a value sealed for one variable cannot be replayed as another.
        decipher.setAAD(Buffer.from(name, 'utf8'));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        return undefined;
      }
    },
  };
}
