// A lesson body: GFM Markdown, highlighted code, GitHub-style callouts, Mermaid diagrams, and
// a "Try it" button on python/javascript fences. Raw HTML in the Markdown is not rendered.
import { lazy, memo, Suspense, useMemo, type ReactElement, type ReactNode } from 'react';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { remarkCallouts } from './callouts';
import type { RunResult } from '../../../../preload/contract/sandbox';
import { useLearnStore } from './learn-store';
import { TryItExample, type TryItLanguage } from './TryItExample';
import './learn.css';

const MermaidDiagram = lazy(() => import('./MermaidDiagram').then((module) => ({ default: module.MermaidDiagram })));

export type { TryItLanguage };

export interface LessonMarkdownProps {
  readonly body: string;
  /** Runs a code sample, its output shown under it; without it the "Try it" buttons are not shown. */
  onTryIt?(code: string, language: TryItLanguage): Promise<RunResult | null>;
}

/** The course service inlines bundle images as data: URLs; anything else follows react-markdown's safe defaults. */
const urlTransform = (url: string) => (/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/.test(url) ? url : defaultUrlTransform(url));

/** `#lesson/<id>` (a link to another lesson of the course) opens it in place; other links open outside the app. */
function LessonLink({ href, children }: { href?: string; children?: ReactNode }) {
  const lessonId = href?.startsWith('#lesson/') ? href.slice('#lesson/'.length) : null;
  if (lessonId) {
    return (
      <a
        href={href}
        onClick={(event) => {
          event.preventDefault();
          const open = useLearnStore.getState().open;
          if (open) useLearnStore.getState().openLesson(open.courseId, lessonId);
        }}
      >
        {children}
      </a>
    );
  }
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

const tryItLanguages: Record<string, TryItLanguage> = { python: 'python', py: 'python', javascript: 'javascript', js: 'javascript' };

function languageOf(children: ReactNode): string | null {
  const code = (Array.isArray(children) ? children[0] : children) as ReactElement<{ className?: string }> | undefined;
  const className = code && typeof code === 'object' && 'props' in code ? (code.props.className ?? '') : '';
  return /language-([\w-]+)/.exec(className)?.[1]?.toLowerCase() ?? null;
}

function pre(onTryIt: LessonMarkdownProps['onTryIt']) {
  return function Pre({ children }: { children?: ReactNode }) {
    const language = languageOf(children);
    const code = textOf(children).replace(/\n$/, '');
    if (language === 'mermaid') {
      return (
        <Suspense fallback={<div className="mermaid-diagram muted">Drawing diagram…</div>}>
          <MermaidDiagram code={code} />
        </Suspense>
      );
    }
    const runnable = language ? tryItLanguages[language] : undefined;
    if (runnable && onTryIt) {
      return (
        <TryItExample code={code} language={runnable} run={onTryIt}>
          {children}
        </TryItExample>
      );
    }
    return (
      <div className="lesson-code">
        {/* Focusable so a keyboard can scroll a sample wider than the instructions panel. */}
        <pre tabIndex={0}>{children}</pre>
      </div>
    );
  };
}

/** Memoised, with stable components: an example's edits and output outlive the canvas's re-renders. */
export const LessonMarkdown = memo(function LessonMarkdown({ body, onTryIt }: LessonMarkdownProps) {
  const components = useMemo(() => ({ pre: pre(onTryIt), a: LessonLink }), [onTryIt]);
  return (
    <div className="lesson-markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkCallouts]}
        rehypePlugins={[[rehypeHighlight, { detect: false, plainText: ['mermaid', 'text', 'txt', 'output'] }]]}
        urlTransform={urlTransform}
        components={components}
      >
        {body}
      </ReactMarkdown>
    </div>
  );
});
