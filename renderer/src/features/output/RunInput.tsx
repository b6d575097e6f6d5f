// The input line under a running program's output: what the learner types reaches the
// program's standard input (input() in Python, readline in JavaScript) when they press Enter;
// "End input" closes it, as Ctrl+D does in a terminal. Shown only while a Run is going.
import { useState } from 'react';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useRunStore } from '../lesson/run-store';
import { messageOf } from '../../../../preload/contract';
import { onSubmitRun } from '../../platform/on-submit';

export function RunInput() {
  const runId = useRunStore((state) => (state.kind === 'run' ? state.runId : null));
  const [text, setText] = useState('');
  const [ended, setEnded] = useState<string | null>(null);
  if (!runId) return null;
  const closed = ended === runId;

  const send = async (line: string, end: boolean) => {
    // The typed line shows in the log, as a terminal echoes it.
    if (!end) useAppStore.getState().appendOutput({ level: 'info', source: 'input', message: line });
    try {
      const { delivered } = await client().call('sandbox.input', { runId, text: end ? '' : `${line}\n`, ...(end ? { end: true } : {}) });
      if (end) setEnded(runId);
      if (!delivered) useAppStore.getState().appendOutput({ level: 'warn', source: 'input', message: 'The program has ended or stopped reading input.' });
    } catch (error) {
      useAppStore.getState().appendOutput({ level: 'error', source: 'input', message: messageOf(error) });
    }
  };

  return (
    <form
      className="run-input"
      onSubmit={onSubmitRun(() => {
        const line = text;
        setText('');
        void send(line, false);
      })}
    >
      <label htmlFor="run-input-line" className="muted">
        Input
      </label>
      <input
        id="run-input-line"
        value={text}
        disabled={closed}
        autoComplete="off"
        spellCheck={false}
        placeholder={closed ? 'Input ended' : 'Type a line for the program, then Enter'}
        aria-describedby="run-input-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'd' && event.ctrlKey) {
            event.preventDefault();
            void send('', true);
          }
        }}
      />
      <span id="run-input-hint" className="visually-hidden">
        Enter sends the line to the running program; Control+D ends its input.
      </span>
      <button type="submit" className="button" disabled={closed}>
        Send
      </button>
      <button type="button" className="button" disabled={closed} onClick={() => void send('', true)}>
        End input
      </button>
    </form>
  );
}
