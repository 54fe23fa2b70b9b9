import { decodeWindows1252 } from '../repair';
import type { ImportNotice } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text. UTF-8 (a byte-order mark dropped), UTF-16 when it starts with its byte-order mark
 * (spreadsheets' "Unicode text"), and Windows-1252 for a file with no UTF-8 in it at all (older spreadsheet
 * exports), which is said. Invalid bytes in UTF-8 text become U+FFFD, which lint and the import flag.
 */
export function decodeText(bytes: Uint8Array, file: string, notices: ImportNotice[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    // Some valid multi-byte characters: UTF-8 with a few bad bytes, left for lint to point at.
    if (/[^\p{ASCII}\ufffd]/u.test(lenient)) return lenient;
    notices.push({ file, kind: 'fixed', message: 'not UTF-8: read as Windows-1252; check accented letters' });
    return decodeWindows1252(bytes);
  }
}
