/**
 * What the command line says about a deck's pictures: for `check`, one error
 * for each picture a slide cannot show (with the file and line), and for
 * `--json`, each slide's pictures and whether they can be shown.
 */
import type { Finding } from '../check/check.js';
import type { Deck, Slide } from '../deck/types.js';
import { decodeImage, headerSize, MAX_PIXELS, mimeType, sniffFormat } from '../render/images/decode.js';
import { imagesIn, isRemote, type ImageRef } from '../render/images/refs.js';
import { readImageBytes, resolveImagePath } from '../io/images.js';

/** A picture as `--json` lists it: `status` is "ok", "remote", or why it cannot be shown. */
export interface ImageJson {
  alt: string;
  path: string;
  resolved: string | null;
  status: string;
}

/** Whether a picture can be shown: "ok", "remote" (never fetched), or why not ("not found", …). */
export function imageStatus(ref: ImageRef, slide: Slide): { resolved: string | null; status: string } {
  if (isRemote(ref.href)) return { resolved: null, status: 'remote' };
  const resolved = resolveImagePath(ref.href, slide.source.path);
  const file = readImageBytes(resolved);
  if ('error' in file) return { resolved, status: file.error };
  const decoded = decodeImage(file.bytes);
  return { resolved, status: 'error' in decoded ? decoded.error : 'ok' };
}

/** Each slide's pictures, for `--json` (slide by slide, in order). */
export function slideImagesJson(slide: Slide): ImageJson[] {
  return imagesIn(slide.body).map((ref) => ({ alt: ref.alt, path: ref.href, ...imageStatus(ref, slide) }));
}

/** The line of the slide's file that names a picture (the slide's first line when it cannot be told). */
function lineOf(slide: Slide, ref: ImageRef): number {
  const lines = slide.body.split('\n');
  const at = lines.findIndex((l) => l.includes(`](${ref.href}`) || l.includes(`](<${ref.href}>`));
  if (at < 0) return slide.source.line;
  return slide.source.line + at;
}

/** One error for every picture that cannot be shown: missing, unreadable, not a picture, too large. */
export function imageFindings(deck: Deck): Finding[] {
  const out: Finding[] = [];
  for (const slide of deck.slides) {
    for (const ref of imagesIn(slide.body)) {
      const { status } = imageStatus(ref, slide);
      if (status === 'ok' || status === 'remote') continue;
      out.push({
        path: slide.source.path,
        line: lineOf(slide, ref),
        severity: 'error',
        code: 'image',
        message: `picture ${ref.alt ? `"${ref.alt}" ` : ''}(${ref.href}): ${status}`,
        slide: slide.index + 1,
      });
    }
  }
  return out;
}

/**
 * A picture a slide names, as a `data:` URI for the HTML handout: only a local
 * file that is a PNG, JPEG or GIF by its bytes, with a readable header and
 * within the size limit; else undefined (the handout shows its alt text).
 */
export function pictureDataUri(href: string, slide: Slide): string | undefined {
  if (isRemote(href)) return undefined;
  const file = readImageBytes(resolveImagePath(href, slide.source.path));
  if ('error' in file) return undefined;
  const format = sniffFormat(file.bytes);
  const size = format && headerSize(file.bytes, format);
  if (!format || !size || size.width * size.height > MAX_PIXELS) return undefined;
  return `data:${mimeType(format)};base64,${file.bytes.toString('base64')}`;
}
