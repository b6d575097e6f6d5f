// A tutor's Markdown reply. Markdown and highlight.js load with the first reply, not with the
// shell; until then the reply shows as plain text.
import { lazy, Suspense } from 'react';

const TutorMarkdown = lazy(() => import('./TutorMarkdown').then((module) => ({ default: module.TutorMarkdown })));

export function TutorReply({ text }: { text: string }) {
  return (
    <Suspense fallback={<p>{text}</p>}>
      <TutorMarkdown text={text} />
    </Suspense>
  );
}
