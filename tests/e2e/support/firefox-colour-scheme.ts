// Firefox's colour scheme, switched while it runs. Firefox ESR's WebDriver BiDi has no command to
// emulate prefers-color-scheme ("emulation.setMediaFeaturesOverride: unknown command"), and a
// preference given at launch holds for the whole session. What a user does instead (Settings →
// Website appearance) is the `layout.css.prefers-color-scheme.content-override` preference, which a
// WebExtension may set through browserSettings.overrideContentColorScheme. So a tiny extension,
// installed as a temporary add-on over BiDi (webExtension.install), carries the switch: the test
// dispatches an event in the page, the extension's content script passes it to its background
// page, which sets the browser setting; every page then restyles as it would for that user.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';

export type ColourScheme = 'dark' | 'light';

const EVENT = 'drona-test-colour-scheme';

/** Writes the extension to a fresh temporary folder and returns the folder, for Browser.installExtension. */
export function colourSchemeExtension(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-firefox-scheme-'));
  const manifest = {
    manifest_version: 2,
    name: 'Dronacharya tests: colour scheme switch',
    version: '1.0',
    browser_specific_settings: { gecko: { id: 'colour-scheme@dronacharya.test' } },
    permissions: ['browserSettings'],
    background: { scripts: ['background.js'] },
    content_scripts: [{ matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content.js'], run_at: 'document_start' }],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(dir, 'background.js'),
    `browser.runtime.onMessage.addListener((message) => browser.browserSettings.overrideContentColorScheme.set({ value: message.scheme }));\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'content.js'),
    `window.addEventListener(${JSON.stringify(EVENT)}, (event) => { const scheme = String(event.detail); if (scheme === 'dark' || scheme === 'light') browser.runtime.sendMessage({ scheme }); });\n`,
  );
  return dir;
}

/**
 * Switches the browser to `scheme` and waits until the page's prefers-color-scheme media queries
 * say so (both of them: light matches and dark does not, or the reverse).
 */
export async function setColourScheme(page: Page, scheme: ColourScheme): Promise<void> {
  await page.evaluate((event, detail) => dispatchEvent(new CustomEvent(event, { detail })), EVENT, scheme);
  try {
    await page.waitForFunction(
      (want) => matchMedia(`(prefers-color-scheme: ${want})`).matches && !matchMedia(`(prefers-color-scheme: ${want === 'dark' ? 'light' : 'dark'})`).matches,
      { timeout: 10_000, polling: 50 },
      scheme,
    );
  } catch (error) {
    throw new Error(`Firefox did not switch the page to the ${scheme} colour scheme (is the extension installed?): ${String(error)}`);
  }
}
