// Monaco's page-wide "Tab moves focus" switch (Ctrl+M), which its public API does not expose:
// the editor option of that name keeps its own value, so only this tells the mode.
declare module 'monaco-editor/editor/browser/config/tabFocus.js' {
  export const TabFocus: {
    getTabFocusMode(): boolean;
    onDidChangeTabFocus(listener: (tabFocusMode: boolean) => void): { dispose(): void };
  };
}
