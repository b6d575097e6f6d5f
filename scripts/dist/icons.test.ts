import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIcons, LINUX_ICON_SIZES } from './icons';

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe('icons rendered from build/icon.svg', () => {
  it('writes the Linux PNGs at their sizes, an .icns and an .ico where electron-builder.yml points', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-icons-'));
    const written = generateIcons(path.join(process.cwd(), 'build/icon.svg'), out);
    expect(written).toEqual([...LINUX_ICON_SIZES.map((s) => `png/${s}x${s}.png`), 'icon.png', 'icon.icns', 'icon.ico']);
    for (const size of LINUX_ICON_SIZES) expect(pngSize(fs.readFileSync(path.join(out, `png/${size}x${size}.png`)))).toEqual([size, size]);
    expect(pngSize(fs.readFileSync(path.join(out, 'icon.png')))).toEqual([1024, 1024]);
    expect(fs.readFileSync(path.join(out, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const ico = fs.readFileSync(path.join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
