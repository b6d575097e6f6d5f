// Two texts side by side in Monaco's diff editor (inline when the dialog is narrow), read-only:
// History shows a snapshot against the editor's text with it. Loaded lazily, like the editor.
import { DiffEditor, loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import './monaco-environment';
import { commonEditorOptions, editorTheme } from './editor-theme';

loader.config({ monaco });

export interface DiffViewProps {
  readonly original: string;
  readonly modified: string;
  readonly language: string;
  readonly theme: 'dark' | 'light';
  readonly fontSize: number;
  readonly label: string;
}

export default function DiffView(props: DiffViewProps) {
  return (
    <DiffEditor
      original={props.original}
      modified={props.modified}
      language={props.language}
      theme={editorTheme(props.theme)}
      loading={<div className="muted panel-pad">Loading the comparison…</div>}
      options={{
        ...commonEditorOptions(props.fontSize, props.label),
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
        renderOverviewRuler: false,
      }}
    />
  );
}
