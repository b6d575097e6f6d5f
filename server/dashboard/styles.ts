// The dashboard's stylesheet: the desktop app's design tokens (renderer/src/styles/tokens.css,
// copied next to the bundle by scripts/build.mjs) with the OS's light or dark choice, and a
// few rules of its own in the app's density. No inline styles: the pages' CSP allows none.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withSystemTheme } from '../../common/theme-tokens';

/** The tokens file: beside the bundle (dist/main) when built, else from the source tree. */
function tokensFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [path.join(dir, 'dashboard-tokens.css'), path.join(dir, 'renderer', 'src', 'styles', 'tokens.css')])
      if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the design tokens (renderer/src/styles/tokens.css)');
    dir = parent;
  }
}

const own = `
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: var(--font-size)/1.5 var(--font-ui); }
a { color: var(--accent-fg); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
header.bar { display: flex; align-items: center; gap: var(--space-4); height: var(--top-bar-height); padding: 0 var(--space-4);
  background: var(--bg-raised); border-bottom: 1px solid var(--border); }
header.bar .brand { font-weight: 600; }
header.bar nav { flex: 1; display: flex; gap: var(--space-4); }
header.bar form { margin: 0; }
main { padding: var(--space-6); max-width: 1200px; }
h1 { font-size: 18px; margin: 0 0 var(--space-4); }
h2 { font-size: 15px; margin: var(--space-6) 0 var(--space-2); }
.muted { color: var(--text-muted); }
button, .button { font: inherit; color: var(--accent-text); background: var(--accent); border: 0; border-radius: var(--radius);
  padding: var(--space-1) var(--space-3); cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover { background: var(--accent-hover); }
/* An outline button is known by its border alone: --border-control stands out 3:1 or more on the page (WCAG 1.4.11). */
button.quiet { background: transparent; color: var(--text); border: 1px solid var(--border-control); }
button.quiet:hover { background: var(--bg-hover); }
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: var(--radius); }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; padding: var(--space-2) var(--space-3); color: var(--text-muted); }
th, td { text-align: left; padding: var(--space-2) var(--space-3); border-top: 1px solid var(--border); vertical-align: top; }
thead th { background: var(--bg-raised); font-weight: 600; white-space: nowrap; }
td.num { font-variant-numeric: tabular-nums; }
/* The track's border shows the bar's whole extent: --border-control stands out 3:1 or more on the page, where --bg-active is 1.6:1 (dark) and 1.3:1 (light). */
.bar-track { display: block; width: 100px; height: 8px; border-radius: 4px; background: var(--bg-active); border: 1px solid var(--border-control);
  margin-top: var(--space-1); }
/* The fill is told from its track by colour alone: --accent-fg stands out 4.6:1 (dark) and 4.2:1 (light) on --bg-active, where --accent was 2.1:1 in the dark (WCAG 1.4.11 asks 3:1). */
.bar-fill { display: block; height: 100%; border-radius: 3px; background: var(--accent-fg); }
.risk { color: var(--danger); font-weight: 600; }
.ok { color: var(--success); }
.summary { display: flex; gap: var(--space-6); flex-wrap: wrap; margin: 0; }
.summary div { background: var(--bg-raised); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-2) var(--space-4); }
.summary dt { color: var(--text-muted); }
.summary dd { margin: 0; font-size: 18px; font-weight: 600; }
form.sign-in { display: grid; gap: var(--space-3); max-width: 320px; }
form.sign-in label { display: grid; gap: var(--space-1); }
/* A text field is known by its border: --text-muted stands out 6:1 on the page in both themes, where --border is 1.5:1 (WCAG 1.4.11 asks 3:1). */
input { font: inherit; color: var(--text); background: var(--bg-sunken); border: 1px solid var(--text-muted); border-radius: var(--radius); padding: var(--space-2); }
.error { color: var(--danger); }
nav.pages { display: flex; gap: var(--space-4); align-items: center; margin-top: var(--space-3); }
ul.lessons { columns: 2; padding-left: var(--space-6); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: var(--space-2); margin: 0; }
.facts dt { color: var(--text-muted); }
.facts dd { margin: 0; }
pre.file, details.file pre { background: var(--bg-sunken); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-3);
  overflow: auto; max-height: 400px; white-space: pre-wrap; }
details.file summary { cursor: pointer; padding: var(--space-1) 0; }
form.review { display: grid; gap: var(--space-4); max-width: 720px; }
form.review fieldset { display: grid; gap: var(--space-2); border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-3); }
form.review legend { font-weight: 600; padding: 0 var(--space-1); }
form.review label { display: grid; gap: var(--space-1); }
form.review label.check { display: flex; align-items: center; gap: var(--space-2); }
form.review .actions { display: flex; gap: var(--space-3); }
textarea { font: inherit; color: var(--text); background: var(--bg-sunken); border: 1px solid var(--text-muted); border-radius: var(--radius); padding: var(--space-2); }
${Array.from({ length: 21 }, (_, i) => `.bar-fill.w${i * 5} { width: ${i * 5}%; }`).join('\n')}
`;

let cached: string | null = null;
export function dashboardCss(): string {
  cached ??= `${withSystemTheme(fs.readFileSync(tokensFile(), 'utf8'))}\n${own}`;
  return cached;
}
