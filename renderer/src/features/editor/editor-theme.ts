// The editor's colours: Monaco's own themes, but for vs-dark's comments, whose #608b4e is 4.2:1 on
// its #1e1e1e background (under WCAG AA's 4.5:1, axe flags it); #6a9955 is 5.0:1. The light
// theme's comments (#008000 on white, 5.1:1) already pass.
import * as monaco from 'monaco-editor';

monaco.editor.defineTheme('drona-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6a9955' }], colors: {} });

export const editorTheme = (theme: 'dark' | 'light'): string => (theme === 'dark' ? 'drona-dark' : 'vs');
