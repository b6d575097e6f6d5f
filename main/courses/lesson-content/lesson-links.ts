// Links in a lesson's Markdown, resolved against its course folder when the lesson is opened.
import fs from 'node:fs';
import path from 'node:path';
import { classifyLink, markdownTargets } from '../bundle/course-bundle';

/** Images inlined into one lesson's body, in characters of data: URL. */
const MAX_INLINED_BYTES = 16 * 1024 * 1024;

const imageTypes: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp' };

/**
 * Bundle-relative links work in both Electron and serve mode without a file route: images
 * become data: URLs (the CSP allows them) and links to other lessons become `#lesson/<id>`,
 * which LessonMarkdown opens in place.
 */
export function resolveLessonLinks(dir: string, lessonPath: string, body: string, lessonIdsByPath: () => ReadonlyMap<string, string>): string {
  // Only targets that lead to a file in the course change; anything else (a course installed
  // before links were checked may hold malformed ones) is left for the renderer's own rules.
  const targets = markdownTargets(body).flatMap((link) => {
    const leads = classifyLink(lessonPath, link.target, link.image);
    return leads.kind === 'file' ? [{ ...link, relative: leads.path }] : [];
  });
  if (targets.length === 0) return body;
  const lessonIds = lessonIdsByPath();
  const replacements = new Map<string, string | null>();
  // Each image is inlined as a data: URL at every use; a lesson repeating a large image
  // thousands of times must not build a body of gigabytes.
  let inlinedBytes = 0;
  let out = '';
  let copied = 0;
  for (const { relative, image, start, end } of targets) {
    const key = `${image ? '!' : ''}${relative}`;
    if (!replacements.has(key)) {
      let replacement: string | null = null;
      const file = path.join(dir, relative);
      const mime = imageTypes[path.extname(relative).toLowerCase()];
      if (image && mime && fs.existsSync(file) && fs.statSync(file).size <= 1024 * 1024) replacement = `data:${mime};base64,${fs.readFileSync(file).toString('base64')}`;
      else if (!image && lessonIds.has(relative)) replacement = `#lesson/${lessonIds.get(relative)}`;
      replacements.set(key, replacement);
    }
    const replacement = replacements.get(key);
    if (!replacement) continue;
    if (replacement.startsWith('data:')) {
      inlinedBytes += replacement.length;
      if (inlinedBytes > MAX_INLINED_BYTES) continue;
    }
    out += body.slice(copied, start) + replacement;
    copied = end;
  }
  return out + body.slice(copied);
}
