// A code-along's numbered steps: each shows its narration once the steps before it pass, and
// passes when its own tests pass in the latest Check (reported per step from the full run).
import { CheckCircle2, Circle, Lock } from 'lucide-react';
import { codeAlongStates } from '../../../../common/rules/lesson-steps';
import type { LessonContent } from '../../../../preload/contract/courses';
import type { CheckResult } from '../../../../preload/contract/sandbox';
import { CodeSpanText } from './CodeSpanText';

const labels = { passed: 'done', current: 'current step', locked: 'locked' } as const;

export function CodeAlongSteps({ lesson, lastCheck }: { lesson: LessonContent; lastCheck: CheckResult | null }) {
  const steps = lesson.codeAlong?.steps ?? [];
  const states = codeAlongStates(steps, lastCheck?.tests ?? []);
  return (
    <section className="code-along" aria-label="Code-along steps">
      <h2 className="code-along-title">Steps</h2>
      <ol className="code-along-steps">
        {steps.map((step, index) => {
          const state = states[index]!;
          const Icon = state === 'passed' ? CheckCircle2 : state === 'current' ? Circle : Lock;
          return (
            <li key={step.id} className={`code-along-step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <Icon size={14} aria-hidden="true" />
              <span>
                <span className="visually-hidden">{`Step ${index + 1}, ${labels[state]}: `}</span>
                {state === 'locked' ? <span className="muted">Unlocks when step {index} passes</span> : <CodeSpanText text={step.narration} />}
                {state === 'current' && <span className="muted code-along-tests"> Tests for this step: {step.tests.join(', ')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
