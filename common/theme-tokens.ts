// The design tokens (renderer/src/styles/tokens.css) declare each theme once: dark on :root and
// [data-theme='dark'], light on [data-theme='light']. A page with no theme chosen yet (the app's
// static startup frame, before any script; the dashboard, which runs none) follows the system's
// light or dark choice: this adds the light values under prefers-color-scheme: light. Used by the
// renderer's build (vite.config.ts) and the instructor dashboard (server/dashboard/styles.ts).

/** `tokens` with the light theme's values also applied to a page without data-theme when the system is light. */
export function withSystemTheme(tokens: string): string {
  const light = /\[data-theme='light'\]\s*\{([^}]*)\}/.exec(tokens);
  return light ? `${tokens}\n@media (prefers-color-scheme: light) {\n  :root:not([data-theme]) {${light[1]}}\n}\n` : tokens;
}
