// Exam mode: the whole window, with no activity bar, tutor or Try it; a timer per section from
// main's clock, an indicator of when main last saved an answer, the section being taken, and the
// result once every section is submitted. A restart reopens it where it was (resumeExam).
import { useEffect, useState } from 'react';
import type { ExamView } from '../../../../preload/contract/exam';
import { client } from '../../platform/client';
import { ConfirmDialog } from '../../platform/ConfirmDialog';
import { ChallengeSection } from './ChallengeSection';
import { ChoiceQuestion } from './ChoiceQuestion';
import { DesignSection } from './DesignSection';
import { ExamResult } from './ExamResult';
import { examStep, useExamMode } from './exam-store';
import { SectionTimers } from './SectionTimers';
import './exam.css';

export function ExamScreen({ view }: { view: ExamView }) {
  const { error, savedAt } = useExamMode();
  const [confirming, setConfirming] = useState(false);
  const section = view.sections[view.sectionIndex];
  const finished = view.status !== 'in-progress' || !section;
  useEffect(() => {
    // Focus starts in the exam, not on whatever the shell had focused.
    document.getElementById('exam-title')?.focus();
  }, [view.attemptId]);

  return (
    <main className="exam-mode" aria-labelledby="exam-title">
      <header className="exam-header">
        <h1 id="exam-title" tabIndex={-1}>
          {view.title}
        </h1>
        <p className="exam-rules muted">Exam mode: the tutor and Try it are off until you finish. Every answer is saved as you give it.</p>
        <SectionTimers view={view} />
        {!finished && (
          <p className="exam-saved" aria-live="polite" data-saved-at={savedAt ?? undefined}>
            {savedAt ? `All answers saved (${new Date(savedAt).toLocaleTimeString()})` : 'No answers yet'}
          </p>
        )}
      </header>
      {error && (
        <p className="exam-error" role="alert">
          {error}
        </p>
      )}
      {finished ? (
        <ExamResult view={view} />
      ) : (
        <section className="exam-section" aria-labelledby="exam-section-title">
          <h2 id="exam-section-title">
            Section {view.sectionIndex + 1} of {view.sections.length}: {section.title}
          </h2>
          <SectionBody view={view} />
          {section.kind !== 'conceptual' && (
            <div className="exam-actions">
              <button type="button" className="button primary" onClick={() => setConfirming(true)}>
                Submit section
              </button>
            </div>
          )}
        </section>
      )}
      {confirming && section && (
        <ConfirmDialog
          title={`Submit ${section.title}?`}
          confirmLabel="Submit section"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void examStep((attemptId) => client().call('exam.submitSection', { attemptId }));
          }}
        >
          <p>You cannot come back to this section. Unanswered questions, and challenges not checked, count as wrong.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}

function SectionBody({ view }: { view: ExamView }) {
  const section = view.sections[view.sectionIndex]!;
  if (section.kind === 'conceptual') {
    const question = view.questions[0];
    if (!question) return null;
    return (
      <>
        <ChoiceQuestion key={question.itemId} question={question} total={section.questions} />
        <div className="exam-actions">
          <button type="button" className="button primary" onClick={() => void examStep((attemptId) => client().call('exam.next', { attemptId }))}>
            {view.asked + 1 >= section.questions ? 'Finish the section' : 'Next question'}
          </button>
        </div>
      </>
    );
  }
  if (section.kind === 'codeAnalysis')
    return (
      <>
        {view.questions.map((question) => (
          <ChoiceQuestion key={question.itemId} question={question} total={section.questions} />
        ))}
      </>
    );
  if (section.kind === 'challenges') return <ChallengeSection view={view} />;
  return <DesignSection view={view} />;
}
