import { InvalidRequestError } from '../../errors/error-classes.js';
import type { UploadTemplateMediaRequest } from '../../provider/requests.js';
import { rejectUnknownKeys, requireIdentifier, requireObject } from './input-checks.js';

/** A sample media file for a template header, as `templates.uploadMedia` takes it. */
export interface TemplateMediaInput {
  /** The file's bytes (a Buffer is a Uint8Array); not empty. */
  data: Uint8Array;
  /** One of `TEMPLATE_MEDIA_TYPES`' keys; `image/jpg` is read as `image/jpeg`. */
  mimeType: string;
  /** The name the vendor stores it under; `header-sample.<extension>` when absent. */
  fileName?: string;
}

const MIB = 1024 * 1024;

/**
 * The media a template header takes as a sample, with WhatsApp's size limit for each in bytes
 * (5 MB images, 16 MB videos, 100 MB documents, counted as MiB) and the file extension of a
 * default file name. Sources: Meta's "Supported media types" page of the WhatsApp Cloud API media
 * reference, and NXCloud's uploadTemplateFile page, which lists the same types (plus `image/jpg`).
 */
export const TEMPLATE_MEDIA_TYPES = {
  'image/jpeg': { maxBytes: 5 * MIB, extension: 'jpg' },
  'image/png': { maxBytes: 5 * MIB, extension: 'png' },
  'video/mp4': { maxBytes: 16 * MIB, extension: 'mp4' },
  'application/pdf': { maxBytes: 100 * MIB, extension: 'pdf' },
} as const satisfies Readonly<Record<string, { maxBytes: number; extension: string }>>;

/** A media type a template header sample may have: `image/jpeg`, `image/png`, `video/mp4`, `application/pdf`. */
export type TemplateMediaType = keyof typeof TEMPLATE_MEDIA_TYPES;

/** Spellings of a type in use beside its registered one. */
const MEDIA_TYPE_ALIASES: Readonly<Record<string, TemplateMediaType>> = { 'image/jpg': 'image/jpeg' };

/**
 * Checks a header sample before it is uploaded: bytes present, a media type WhatsApp takes for a
 * header, within that type's size limit, and a plain file name (no folder).
 *
 * @throws InvalidRequestError naming the field at fault (`data`, `mimeType`, `fileName`).
 */
export function parseTemplateMedia(input: unknown): UploadTemplateMediaRequest {
  const what = 'templates.uploadMedia';
  const given = Object.fromEntries(
    Object.entries(requireObject(input, what)).filter(([, value]) => value !== undefined),
  );
  rejectUnknownKeys(given, ['data', 'mimeType', 'fileName'], what);
  const { data } = given;
  if (!(data instanceof Uint8Array) || data.byteLength === 0) {
    throw new InvalidRequestError('`data` must be the file as a non-empty Uint8Array (or Buffer)', {
      field: 'data',
    });
  }
  const mimeType = mediaType(given.mimeType);
  const { maxBytes, extension } = TEMPLATE_MEDIA_TYPES[mimeType];
  if (data.byteLength > maxBytes) {
    throw new InvalidRequestError(
      `\`data\` holds ${data.byteLength} bytes; WhatsApp takes at most ${maxBytes / MIB} MB (${maxBytes} bytes) for a header sample of type ${mimeType}`,
      { field: 'data' },
    );
  }
  return { data, mimeType, fileName: fileName(given.fileName, extension) };
}

function mediaType(value: unknown): TemplateMediaType {
  const lower = typeof value === 'string' ? value.toLowerCase() : undefined;
  const known = lower === undefined ? undefined : (MEDIA_TYPE_ALIASES[lower] ?? lower);
  if (known !== undefined && Object.hasOwn(TEMPLATE_MEDIA_TYPES, known)) return known as TemplateMediaType;
  throw new InvalidRequestError(
    `\`mimeType\` must be one of: ${Object.keys(TEMPLATE_MEDIA_TYPES).join(', ')} (the media a template header takes)`,
    { field: 'mimeType' },
  );
}

function fileName(value: unknown, extension: string): string {
  if (value === undefined) return `header-sample.${extension}`;
  const name = requireIdentifier(value, 'fileName');
  // CAMS stores the file under `<upload directory>/<fileName>`: a folder in the name would escape it.
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    throw new InvalidRequestError('`fileName` must be a plain file name, without a folder', {
      field: 'fileName',
    });
  }
  return name;
}
