// A multiple-choice exam question (Conceptual, predict the output, find the bug): native radio
// buttons, so arrows and Space work; each choice is saved by main at once.
import { useState } from 'react';
import type { ExamQuestion } from '../../../../preload/contract/exam';
import { saveAnswer } from './exam-store';

const kindLabel: Partial<Record<ExamQuestion['kind'], string>> = { 'predict-output': 'Predict the output', 'find-the-bug': 'Find the bug' };

export function ChoiceQuestion({ question, total }: { question: ExamQuestion; total: number }) {
  const [selected, setSelected] = useState<number | null>(typeof question.saved === 'number' ? question.saved : null);
  const name = `exam-${question.itemId}`;
  return (
    <fieldset className="exam-question">
      <legend>
        Question {question.number} of {total}
        {kindLabel[question.kind] ? `: ${kindLabel[question.kind]}` : ''}
      </legend>
      <p className="exam-prompt">{question.prompt}</p>
      {question.code && (
        <pre className="exam-code" tabIndex={0} aria-label={`Code of question ${question.number}`}>
          <code>{question.code}</code>
        </pre>
      )}
      <div className="exam-options">
        {(question.options ?? []).map((option, index) => (
          <label key={index} className="exam-option">
            <input
              type="radio"
              name={name}
              checked={selected === index}
              onChange={() => {
                setSelected(index);
                void saveAnswer(question.itemId, { kind: 'choice', selected: index });
              }}
            />
            <span>{option}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
