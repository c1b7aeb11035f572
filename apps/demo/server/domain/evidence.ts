/**
 * Evidence files, checked before anything is stored (reliability.md S4; docs/decisions/0045). A file
 * is accepted only when its **content** is one of the allowed types (a PDF, a PNG or JPEG image, or
 * an Office Open XML document: Word, Excel, PowerPoint) and its name's extension agrees with what
 * the content is; it is at most `MAX_FILE_BYTES`; an office document (a zip) is opened in memory
 * only, entry by entry, with its entry count and total uncompressed size capped, so a zip bomb is
 * refused without being expanded; a name is a bare file name, never a path. Every refusal says what
 * is wrong in words a school lead can act on.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

/** The largest file accepted: 5 MiB (a scanned page or a photo; the database holds it). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** An office document may expand to at most this much, in at most `MAX_ZIP_ENTRIES` parts. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1000;
/** One part may expand at most this many times its stored size (text compresses ~10×). */
export const MAX_ZIP_RATIO = 200;

/** The upload route's path: its body may be larger than the API's 64 KiB (a file, base64). */
export const EVIDENCE_UPLOAD_PATH = /^\/api\/schools\/[^/]+\/evidence$/;
/** A file of `MAX_FILE_BYTES` as base64 in JSON, with room for the rest of the item. */
export const EVIDENCE_UPLOAD_BODY = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 16 * 1024;

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
  png: { mime: 'image/png', label: 'PNG image', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', label: 'JPEG image', extensions: ['jpg', 'jpeg'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word document',
    extensions: ['docx'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel workbook',
    extensions: ['xlsx'],
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint presentation',
    extensions: ['pptx'],
  },
} as const;
export type FileType = keyof typeof FILE_TYPES;

/** The types in words, for the form's hint and every refusal. */
export const ALLOWED_IN_WORDS = 'a PDF, a PNG or JPEG image, or a Word, Excel or PowerPoint file';

export interface CheckedFile {
  name: string;
  type: FileType;
  mime: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; message: string };

const refuse = (message: string): FileCheck => ({ ok: false, message });

/**
 * A file name as the portal keeps it: a bare name with an extension, no folders, no control
 * characters; otherwise a message saying why not.
 */
export function checkFileName(
  name: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const n = name.normalize('NFC').trim();
  if (!n) return { ok: false, message: 'The file has no name.' };
  if (n.length > 120) return { ok: false, message: 'The file name is longer than 120 characters.' };
  if (/[/\\]/.test(n) || n.split(/[/\\]/).includes('..') || /^[a-z]:/i.test(n))
    return {
      ok: false,
      message: 'The file name contains a folder path (/ or \\). Upload the file by its name only.',
    };
  // Controls, and the bidirectional overrides that make "evil‮fdp.exe" read as "evil.exe.pdf".
  const hidden = [...n].some((ch) => {
    const c = ch.codePointAt(0)!;
    return c < 0x20 || c === 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  });
  if (hidden)
    return { ok: false, message: 'The file name contains characters that cannot be shown.' };
  if (n.startsWith('.')) return { ok: false, message: 'The file name cannot start with a dot.' };
  if (!/\.[a-z0-9]{1,5}$/i.test(n))
    return { ok: false, message: `The file name has no extension. Upload ${ALLOWED_IN_WORDS}.` };
  return { ok: true, name: n };
}

const startsWith = (b: Buffer, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** What the content is, by its first bytes (and, for a zip, its parts), never by its name. */
function sniff(b: Buffer): FileType | 'zip' | 'html' | 'svg' | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  const head = b
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  if (/^<(!doctype html|html|head|body|script|iframe|meta|div|a |p>)/.test(head)) return 'html';
  return null;
}

interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
  flags: number;
}

/**
 * The entries of a zip, from its central directory, each expanded in memory with a hard output cap
 * (`inflateRawSync`'s `maxOutputLength`), so a part that lies about its size cannot expand further
 * than the cap. Nothing is written to disk. Returns the entry names, or a refusal.
 */
function readZip(b: Buffer): { ok: true; names: string[] } | { ok: false; message: string } {
  const bad = {
    ok: false as const,
    message: 'The office document is damaged or is not a real Word, Excel or PowerPoint file.',
  };
  const bomb = {
    ok: false as const,
    message: `The office document expands to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB or has more than ${MAX_ZIP_ENTRIES} parts, so it is refused (it may be a "zip bomb"). Save it again or as a PDF.`,
  };
  // The end-of-central-directory record: in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return bad;
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  // ZIP64 markers: an office document of at most 5 MB never needs them.
  if (count === 0xffff || cdOffset === 0xffffffff) return bomb;
  if (count > MAX_ZIP_ENTRIES) return bomb;
  if (cdOffset + cdSize > eocd) return bad;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return bad;
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    entries.push({
      flags: b.readUInt16LE(p + 8),
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      offset: b.readUInt32LE(p + 42),
      name: b.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    if (declared > MAX_UNZIPPED_BYTES) return bomb;
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) return { ok: false, message: 'The office document is password-protected.' };
    const h = e.offset;
    if (h + 30 > b.length || b.readUInt32LE(h) !== 0x04034b50) return bad;
    const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
    const end = start + e.compressed;
    if (end > b.length) return bad;
    const data = b.subarray(start, end);
    const budget = MAX_UNZIPPED_BYTES - total;
    if (e.compressed > 0 && e.size / e.compressed > MAX_ZIP_RATIO) return bomb;
    let out: Buffer;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        // At most what it declared (and what is left of the budget), plus one byte to notice a lie.
        out = inflateRawSync(data, { maxOutputLength: Math.min(e.size, budget) + 1 });
      } catch (err) {
        return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? bomb : bad;
      }
    } else return bad;
    if (out.length !== e.size) return out.length > e.size ? bomb : bad;
    total += out.length;
    if (total > MAX_UNZIPPED_BYTES) return bomb;
  }
  return { ok: true, names: entries.map((e) => e.name) };
}

const OFFICE_PART: Record<'docx' | 'xlsx' | 'pptx', string> = {
  docx: 'word/document.xml',
  xlsx: 'xl/workbook.xml',
  pptx: 'ppt/presentation.xml',
};

/**
 * Checks an uploaded file: its name, its size, and that its content is an allowed type matching
 * its extension. Returns the file with its detected type and SHA-256, or a message.
 *
 * @example
 * checkFile('minutes.pdf', bytes); // { ok: true, file: { type: 'pdf', sha256: '…', … } }
 * checkFile('photo.png', htmlBytes); // { ok: false, message: 'The file "photo.png" is a web page …' }
 */
export function checkFile(rawName: string, bytes: Buffer): FileCheck {
  const named = checkFileName(rawName);
  if (!named.ok) return refuse(named.message);
  const name = named.name;
  if (bytes.length === 0) return refuse(`The file "${name}" is empty.`);
  if (bytes.length > MAX_FILE_BYTES)
    return refuse(
      `The file "${name}" is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the largest file accepted is ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    );
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const found = sniff(bytes);
  if (found === 'svg')
    return refuse(
      `The file "${name}" is an SVG drawing, which can carry scripts and is not accepted. Upload ${ALLOWED_IN_WORDS}.`,
    );
  if (found === 'html')
    return refuse(
      `The file "${name}" is a web page (HTML), which can carry scripts and is not accepted. Upload ${ALLOWED_IN_WORDS}.`,
    );
  if (found === null)
    return refuse(
      `The file "${name}" is not a type the portal accepts, whatever its name says. Upload ${ALLOWED_IN_WORDS}.`,
    );
  let type: FileType;
  if (found === 'zip') {
    const zip = readZip(bytes);
    if (!zip.ok) return refuse(`"${name}": ${zip.message}`);
    const office = (Object.keys(OFFICE_PART) as (keyof typeof OFFICE_PART)[]).find((t) =>
      zip.names.includes(OFFICE_PART[t]),
    );
    if (!office || !zip.names.includes('[Content_Types].xml'))
      return refuse(
        `The file "${name}" is a zip archive, not an office document. Upload ${ALLOWED_IN_WORDS}.`,
      );
    // Macros are code: a macro-enabled document is refused even under a .docx name.
    if (zip.names.some((n) => /vbaProject\.bin$/i.test(n)))
      return refuse(`The file "${name}" contains macros, which are not accepted.`);
    type = office;
  } else type = found;
  const t = FILE_TYPES[type];
  if (!(t.extensions as readonly string[]).includes(ext))
    return refuse(
      `The file "${name}" is named .${ext} but its content is a ${t.label}. Rename it .${t.extensions[0]} or upload the right file.`,
    );
  return {
    ok: true,
    file: {
      name,
      type,
      mime: t.mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    },
  };
}

/**
 * `Content-Disposition: attachment` with the name both as plain ASCII (anything else replaced) and
 * as RFC 5987 UTF-8, so the browser saves the file and never shows it in the portal's origin.
 */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
