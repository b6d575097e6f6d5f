// Two texts side by side in Monaco's diff editor (inline when the dialog is narrow), read-only:
// History shows a snapshot against the editor's text with it. Loaded lazily, like the editor.
import { DiffEditor, loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import './monaco-environment';
import { monacoProps, type MonacoViewLook } from './monaco-props';

loader.config({ monaco });

export interface DiffViewProps extends MonacoViewLook {
  readonly original: string;
  readonly modified: string;
}

export default function DiffView(props: DiffViewProps) {
  return (
    <DiffEditor
      {...monacoProps(props, 'Loading the comparison…', {
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
        renderOverviewRuler: false,
      })}
      original={props.original}
      modified={props.modified}
    />
  );
}
