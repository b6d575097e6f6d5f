// The installers' icons, rendered at build time from build/icon.svg (the one source kept in git):
// Linux PNGs per size, macOS .icns and Windows .ico, into build/generated/ where
// electron-builder.yml points. @resvg/resvg-js renders; png2icons packs .icns and .ico.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

/** The sizes a Linux desktop looks up (hicolor theme); 1024 is the source for .icns and .ico. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** Writes every icon under `outDir` and returns the files written, relative to it. */
export function generateIcons(svgFile: string, outDir: string): string[] {
  const svg = fs.readFileSync(svgFile, 'utf8');
  fs.mkdirSync(path.join(outDir, 'png'), { recursive: true });
  const written: string[] = [];
  const write = (relative: string, bytes: Buffer | null) => {
    if (!bytes) throw new Error(`png2icons could not make ${relative} from ${svgFile}.`);
    fs.writeFileSync(path.join(outDir, relative), bytes);
    written.push(relative);
  };
  for (const size of LINUX_ICON_SIZES) write(`png/${size}x${size}.png`, renderPng(svg, size));
  const large = renderPng(svg, 1024);
  write('icon.png', large);
  write('icon.icns', png2icons.createICNS(large, png2icons.BICUBIC, 0));
  write('icon.ico', png2icons.createICO(large, png2icons.BICUBIC, 0, true, true));
  return written;
}
