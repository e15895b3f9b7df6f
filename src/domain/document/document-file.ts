import { formatNumber } from '../format/format';
import type { LocalizedText } from '../shared/errors';

/**
 * The files a document may be — checked by the name's extension and by the first bytes, so a renamed file is
 * refused — and how a file name travels in HTTP. No zod here: the web app checks a file before sending it.
 */
export type DocumentType = {
  extensions: readonly string[];
  mimeType: string;
  label: string;
};

/** The accepted kinds of file, each with the Content-Type it is served with. */
export const documentTypes = {
  pdf: { extensions: ['pdf'], mimeType: 'application/pdf', label: 'PDF' },
  docx: {
    extensions: ['docx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (.docx)',
  },
  xlsx: {
    extensions: ['xlsx'],
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (.xlsx)',
  },
  png: { extensions: ['png'], mimeType: 'image/png', label: 'PNG' },
  jpeg: { extensions: ['jpg', 'jpeg'], mimeType: 'image/jpeg', label: 'JPEG' },
  webp: { extensions: ['webp'], mimeType: 'image/webp', label: 'WebP' },
  tiff: { extensions: ['tif', 'tiff'], mimeType: 'image/tiff', label: 'TIFF' },
  kml: { extensions: ['kml'], mimeType: 'application/vnd.google-earth.kml+xml', label: 'KML' },
  geojson: { extensions: ['geojson'], mimeType: 'application/geo+json', label: 'GeoJSON' },
} as const satisfies Record<string, DocumentType>;
export type DocumentTypeKey = keyof typeof documentTypes;

/** ".pdf, .docx, …" — for the file picker's `accept` and for messages. */
export const acceptedExtensions = Object.values(documentTypes).flatMap((t) =>
  t.extensions.map((e) => `.${e}`),
);

/** The first bytes needed to recognise every accepted type (and the ZIP directory of DOCX/XLSX). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * A file name fit to keep and to send back: the last path segment (browsers on Windows may send
 * "C:\fakepath\…"), NFC, no control characters, at most 200 characters with its extension kept.
 */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/** The file name without its extension: the default title. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).replace(/[_]+/g, ' ').trim() || name;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, from = 0, to = bytes.length) => {
  let out = '';
  for (let i = from; i < Math.min(to, bytes.length); i += 1) out += String.fromCharCode(bytes[i]!);
  return out;
};

/** Text at the start of the file (UTF-8 or UTF-16 BOM skipped), for XML and JSON. */
function leadingText(bytes: Uint8Array): string {
  let from = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) from = 3;
  return ascii(bytes, from, from + 4096).replace(/\0/g, '');
}

/** Whether the first bytes are what the type promises. */
function contentMatches(type: DocumentTypeKey, head: Uint8Array): boolean {
  switch (type) {
    case 'pdf':
      // "%PDF-" may follow a little junk (allowed by readers within the first 1 KB).
      return ascii(head, 0, 1024).includes('%PDF-');
    case 'docx':
    case 'xlsx': {
      if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return false;
      // The entry names of an Office package are stored uncompressed in the ZIP headers.
      const text = ascii(head);
      return type === 'docx' ? text.includes('word/') : text.includes('xl/');
    }
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'webp':
      return ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP';
    case 'tiff':
      return startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a]);
    case 'kml':
      return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?kml[\s>]/.test(leadingText(head));
    case 'geojson':
      return /^\s*\{/.test(leadingText(head)) && /"type"\s*:/.test(leadingText(head));
  }
}

export type DetectedType =
  { ok: true; type: DocumentTypeKey; mimeType: string } | { ok: false; problem: LocalizedText };

const MB = 1024 * 1024;

/** "25 MB", "31,2 MB", "146 KB", "812 byte": one decimal at most, so a file just over the limit reads as over it. */
export function formatMegabytes(bytes: number, locale: 'vi' | 'en' = 'vi'): string {
  if (bytes < 1024) return `${formatNumber(bytes, { locale })} byte`;
  if (bytes < MB) return `${formatNumber(bytes / 1024, { locale, maxFractionDigits: 0 })} KB`;
  return `${formatNumber(bytes / MB, { locale, maxFractionDigits: 1 })} MB`;
}

/**
 * Checks an upload: not empty, not larger than `maxBytes`, an accepted extension, and content that matches
 * it. The message says what was wrong and what is accepted.
 */
export function checkUpload(
  fileName: string,
  sizeBytes: number,
  head: Uint8Array,
  maxBytes: number,
): DetectedType {
  const accepted = 'PDF, Word (.docx), Excel (.xlsx), ảnh (PNG, JPEG, WebP, TIFF), KML, GeoJSON';
  const acceptedEn = 'PDF, Word (.docx), Excel (.xlsx), images (PNG, JPEG, WebP, TIFF), KML, GeoJSON';
  if (sizeBytes === 0) {
    return { ok: false, problem: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' } };
  }
  if (sizeBytes > maxBytes) {
    return {
      ok: false,
      problem: {
        vi: `Tệp quá lớn (${formatMegabytes(sizeBytes)}); tối đa ${formatMegabytes(maxBytes)}.`,
        en: `The file is too large (${formatMegabytes(sizeBytes, 'en')}); at most ${formatMegabytes(maxBytes, 'en')}.`,
      },
    };
  }
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const entry = (Object.entries(documentTypes) as [DocumentTypeKey, DocumentType][]).find(([, t]) =>
    t.extensions.includes(extension),
  );
  if (!entry) {
    return {
      ok: false,
      problem: {
        vi: `Không nhận loại tệp ${extension ? `".${extension}"` : 'không có phần mở rộng'}. Chỉ nhận: ${accepted}.`,
        en: `Files ${extension ? `of type ".${extension}"` : 'without an extension'} are not accepted. Accepted: ${acceptedEn}.`,
      },
    };
  }
  const [type, info] = entry;
  if (!contentMatches(type, head)) {
    return {
      ok: false,
      problem: {
        vi: `Nội dung tệp không phải ${info.label} dù tên tệp có đuôi ".${extension}" — tệp hỏng hoặc bị đổi tên.`,
        en: `The file's content is not ${info.label} although its name ends in ".${extension}" — damaged or renamed.`,
      },
    };
  }
  return { ok: true, type, mimeType: info.mimeType };
}

/** The file name in plain ASCII, for the `filename=` fallback of Content-Disposition. */
function asciiFallback(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return folded || 'tai-lieu';
}

/** RFC 5987 `ext-value` percent-encoding (attr-char kept, everything else %XX of UTF-8). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A Content-Disposition header that keeps the Vietnamese file name (RFC 6266 + RFC 5987): an ASCII
 * `filename` for old clients and `filename*=UTF-8''…` that every current browser uses.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  return `${disposition}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
