/**
 * JSON with typed arrays and non-finite numbers, for the HTTP transport (IPC's structured
 * clone carries them natively). Float64Array → {"$f64": base64}, NaN/±Infinity → {"$num": "NaN"}.
 */
const F64 = '$f64';
const NUM = '$num';

/** Node's Buffer when present (much faster for big arrays); browsers use btoa/atob. */
interface BufferLike {
  from(data: ArrayBufferLike | string, offsetOrEncoding?: number | string, length?: number): Uint8Array & { toString(enc: string): string };
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, 'base64'));
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Float64Array) return { [F64]: toBase64(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)) };
    if (typeof v === 'number' && !Number.isFinite(v)) return { [NUM]: String(v) };
    return v;
  });
}

export function decodeWire<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[F64] === 'string' && Object.keys(o).length === 1) {
        const bytes = fromBase64(o[F64] as string);
        return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
      }
      if (typeof o[NUM] === 'string' && Object.keys(o).length === 1) return Number(o[NUM]);
    }
    return v;
  }) as T;
}
