import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { withSystemTheme } from './common/theme-tokens.ts';

// The startup frame in index.html paints before any script sets data-theme: with the tokens'
// light values under prefers-color-scheme, a light system sees no dark flash.
const systemThemeTokens: Plugin = {
  name: 'system-theme-tokens',
  enforce: 'pre',
  transform: (code, id) => (/[\\/]styles[\\/]tokens\.css$/.test(id) ? withSystemTheme(code) : undefined),
};

// The entry's stylesheet goes into index.html: the startup frame paints with the page alone, not
// after a second request, which serve mode answers late while the app behind it is still starting
// (bench:startup). The CSP allows inline styles already (Monaco and Mermaid need them).
const inlineEntryStylesheet: Plugin = {
  name: 'inline-entry-stylesheet',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, { bundle }) =>
      html.replace(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g, (link, file: string) => {
        const asset = bundle?.[file];
        return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : link;
      }),
  },
};

// The renderer build: one bundle served by serve mode over HTTP and by Electron over app://.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), systemThemeTokens, inlineEntryStylesheet],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
});
