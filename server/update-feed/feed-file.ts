// The channel files electron-builder writes next to installers (latest.yml, latest-linux.yml,
// latest-mac.yml, beta.yml, ...), read as electron-updater reads them, so a self-hosting
// organisation hears about a broken feed when its server starts, not from learners.
import { z } from 'zod';
import { parse } from 'yaml';

const sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 SHA-512 (88 characters)');
const fileName = z.string().regex(/^[^/\\]+$/, 'must be a file name beside the channel file, not a path or URL');

export const channelFileSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.4.0 or 1.5.0-beta.1'),
    files: z.array(z.object({ url: fileName, sha512, size: z.number().int().positive().optional() }).loose()).min(1, 'must list at least one installer'),
    path: fileName.optional(),
    sha512: sha512.optional(),
    releaseDate: z.string().optional(),
    stagingPercentage: z.number().min(0).max(100).optional(),
  })
  .loose();
export type ChannelFile = z.infer<typeof channelFileSchema>;

/** `latest.yml` → latest (Windows); `beta-linux.yml` → beta (Linux); `-arm64`/`-mac` suffixes as electron-builder names them. */
export const CHANNEL_FILE = /^([a-z]+)(?:-(linux|mac))?(?:-(arm64|armv7l|ia32))?\.yml$/;

export type ChannelFileResult = { readonly ok: true; readonly feed: ChannelFile } | { readonly ok: false; readonly problems: readonly string[] };

export function readChannelFile(name: string, text: string): ChannelFileResult {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { ok: false, problems: [`${name}: not YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`] };
  }
  const parsed = channelFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, feed: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => `${name}: ${issue.path.join('.') || '(root)'} ${issue.message}`) };
}
