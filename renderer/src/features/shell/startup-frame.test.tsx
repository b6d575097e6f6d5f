import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import indexHtml from '../../../index.html?raw';
import { StartupFrame } from './StartupFrame';

describe('the static startup frame in index.html', () => {
  it('is the markup StartupFrame renders, so the first paint and React agree', () => {
    const root = /<div id="root">([\s\S]*)<\/div>\s*<script/.exec(indexHtml);
    // React's server renderer adds a <link rel="preload"> for the image; the page needs none.
    const rendered = renderToStaticMarkup(<StartupFrame />).replace(/^<link [^>]*>/, '');
    expect(root?.[1]).toBe(rendered);
  });
});
