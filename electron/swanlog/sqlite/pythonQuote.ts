// Python's urllib.parse.quote(text, safe=''): percent-encodes the UTF-8 bytes of every
// character except A-Z a-z 0-9 _ . - ~ (unlike encodeURIComponent, also ! ' ( ) *).
// swanboard used it to name the logs folder of tags written before the `folder` column.

const UNRESERVED = /^[A-Za-z0-9_.\-~]$/;
const encoder = new TextEncoder();

export function pythonQuote(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
