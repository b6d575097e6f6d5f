// What the code editor and the diff view give Monaco alike: the language, the theme, a loading
// text and the options every view of the app shares (the learner's font size, screen readers).
import type * as monaco from 'monaco-editor';
import { editorTheme } from './editor-theme';

export interface MonacoViewLook {
  readonly language: string;
  readonly theme: 'dark' | 'light';
  readonly fontSize: number;
  /** The accessible name of the view. */
  readonly label: string;
}

/** The shared props, with the view's own `options` added to the shared ones. */
export function monacoProps<Options extends monaco.editor.IEditorOptions>(view: MonacoViewLook, loadingText: string, options: Options) {
  return {
    language: view.language,
    theme: editorTheme(view.theme),
    loading: <div className="muted panel-pad">{loadingText}</div>,
    options: {
      fontSize: view.fontSize,
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      ariaLabel: view.label,
      accessibilitySupport: 'auto' as const,
      ...options,
    },
  };
}
