// A software passkey for integration tests: it makes real WebAuthn answers
// (ES256 key, "none" attestation, CBOR) that @simplewebauthn/server checks as
// it checks a device's. The end-to-end tests use Chromium's virtual
// authenticator instead.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

type CborValue = number | string | Buffer | Map<CborValue, CborValue> | { [k: string]: CborValue };

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

function cbor(value: CborValue): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  const entries = value instanceof Map ? [...value] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const b64u = (b: Buffer) => b.toString("base64url");
const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest();

export type SoftPasskey = { credentialId: Buffer; privateKey: KeyObject; userHandle: string; counter: number };

export class SoftAuthenticator {
  readonly keys: SoftPasskey[] = [];
  constructor(readonly origin: string) {}

  /** Answers navigator.credentials.create() for the options the server gave. */
  register(options: { challenge: string; rp: { id?: string }; user: { id: string } }): string {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = new Map<CborValue, CborValue>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]);
    const credentialId = randomBytes(16);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), idLength, credentialId, cbor(cose)]);
    const clientData = Buffer.from(JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin: this.origin, crossOrigin: false }));
    this.keys.push({ credentialId, privateKey, userHandle: options.user.id, counter: 0 });
    return JSON.stringify({
      id: b64u(credentialId),
      rawId: b64u(credentialId),
      type: "public-key",
      response: { clientDataJSON: b64u(clientData), attestationObject: b64u(cbor({ fmt: "none", attStmt: {}, authData })), transports: ["internal"] },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    });
  }

  /** Answers navigator.credentials.get() with the given passkey (the newest by default). */
  assert(options: { challenge: string; rpId?: string }, key = this.keys[this.keys.length - 1]!, opts: { origin?: string; userVerified?: boolean } = {}): string {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    key.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(key.counter);
    const authData = Buffer.concat([sha256(rpId), Buffer.from([opts.userVerified === false ? 0x01 : 0x05]), counter]);
    const clientData = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin: opts.origin ?? this.origin, crossOrigin: false }));
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), key.privateKey);
    return JSON.stringify({
      id: b64u(key.credentialId),
      rawId: b64u(key.credentialId),
      type: "public-key",
      response: { clientDataJSON: b64u(clientData), authenticatorData: b64u(authData), signature: b64u(signature), userHandle: key.userHandle },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    });
  }
}
