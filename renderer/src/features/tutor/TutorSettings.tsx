import { useEffect, useId, useState } from 'react';
import { tutorInitiatives, tutorModes, type TutorSettings as TutorSettingsValue } from '../../../../preload/contract/tutor';
import { client } from '../../platform/client';
import { tutorInitiativeLabels, tutorModeLabels } from '../settings/labels';
import { ChoiceSelect } from '../settings/ChoiceSelect';
import { PullBar } from './TutorPanel';
import { useTutorStore } from './tutor-store';
import { messageOf } from '../../../../preload/contract';
import './tutor.css';

/** Settings → Tutor: which provider, its key or host, the model, the daily budget and the mode. */
export function TutorSettingsSection() {
  const { status, loadStatus, setStatus, pull, pullModel, models, modelsError, loadModels: refreshModels } = useTutorStore();
  const [key, setKey] = useState('');
  const [hostDraft, setHostDraft] = useState<string | null>(null);
  const [pullName, setPullName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const ids = {
    provider: useId(),
    key: useId(),
    model: useId(),
    host: useId(),
    ollamaModel: useId(),
    pull: useId(),
    budget: useId(),
    mode: useId(),
    initiative: useId(),
  };

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  const provider = status?.settings.provider;
  useEffect(() => {
    if (provider === 'ollama') void refreshModels();
  }, [provider, status?.settings.ollamaHost, refreshModels]);
  useEffect(() => {
    if (pull?.done && !pull.error) void refreshModels();
  }, [pull?.done, pull?.error, refreshModels]);

  if (!status) return null;
  const configure = async (patch: Partial<TutorSettingsValue>) => {
    try {
      setStatus(await client().call('tutor.configure', patch));
    } catch (error) {
      setMessage(messageOf(error));
    }
  };
  const settings = status.settings;

  return (
    <section id="settings-tutor" aria-labelledby="settings-tutor-title">
      <h2 id="settings-tutor-title">Tutor</h2>
      <label htmlFor={ids.provider}>Provider</label>
      <select id={ids.provider} value={settings.provider} onChange={(e) => void configure({ provider: e.target.value as TutorSettingsValue['provider'] })}>
        <option value="none">None — course hints only</option>
        <option value="anthropic">Anthropic (cloud, needs an API key)</option>
        <option value="ollama">Ollama (local models on this machine)</option>
      </select>
      {settings.provider === 'none' && (
        <p className="muted">
          Without a provider, Hint reveals the course’s authored hints. A provider adds explanations, code reviews, examples and answers to your own questions.
        </p>
      )}

      {settings.provider === 'anthropic' && (
        <>
          <label htmlFor={ids.key}>API key {status.hasKey && <span className="muted">(saved)</span>}</label>
          <div className="tutor-row">
            <input
              id={ids.key}
              type="password"
              autoComplete="off"
              value={key}
              placeholder={status.hasKey ? '••••••••' : 'sk-ant-…'}
              onChange={(e) => setKey(e.target.value)}
            />
            <button
              type="button"
              className="button primary"
              disabled={key.trim().length < 10}
              onClick={async () => {
                setStatus(await client().call('tutor.setKey', { key }));
                setKey('');
                setMessage('Key saved.');
              }}
            >
              Save key
            </button>
            {status.hasKey && (
              <button type="button" className="button" onClick={async () => setStatus(await client().call('tutor.clearKey', {}))}>
                Remove key
              </button>
            )}
          </div>
          <p className="muted tutor-key-note">{status.keyProtection} The key is used only to talk to Anthropic.</p>
          <label htmlFor={ids.model}>Model</label>
          <input
            id={ids.model}
            defaultValue={settings.anthropicModel}
            onBlur={(e) => e.target.value.trim() && void configure({ anthropicModel: e.target.value.trim() })}
          />
        </>
      )}

      {settings.provider === 'ollama' && (
        <>
          <label htmlFor={ids.host}>Ollama host</label>
          <div className="tutor-row">
            <input id={ids.host} value={hostDraft ?? settings.ollamaHost} onChange={(e) => setHostDraft(e.target.value)} />
            <button
              type="button"
              className="button"
              onClick={async () => {
                if (hostDraft) await configure({ ollamaHost: hostDraft });
                setHostDraft(null);
                await refreshModels();
              }}
            >
              Connect
            </button>
          </div>
          {modelsError && (
            <p className="form-error" role="alert">
              {modelsError}
            </p>
          )}
          <label htmlFor={ids.ollamaModel}>Model</label>
          <select id={ids.ollamaModel} value={settings.ollamaModel} onChange={(e) => void configure({ ollamaModel: e.target.value })}>
            <option value="">Choose an installed model</option>
            {(models ?? [])
              .filter((m) => !m.embedding)
              .map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name} ({(m.size / 1e9).toFixed(1)} GB)
                </option>
              ))}
            {settings.ollamaModel && !(models ?? []).some((m) => m.name === settings.ollamaModel) && (
              <option value={settings.ollamaModel}>
                {settings.ollamaModel}
                {models ? ' (not installed)' : ''}
              </option>
            )}
          </select>
          {models && (
            <ul className="tutor-models" aria-label="Installed models">
              {models.map((m) => (
                <li key={m.name}>
                  {m.name} {m.embedding && <span className="muted">(embeddings: improves lesson search)</span>}
                  <button
                    type="button"
                    className="button"
                    aria-label={`Delete ${m.name}`}
                    onClick={async () => {
                      await client().call('tutor.deleteModel', { model: m.name });
                      await refreshModels();
                    }}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor={ids.pull}>Pull a model</label>
          <div className="tutor-row">
            <input id={ids.pull} value={pullName} placeholder="e.g. llama3.2:1b" onChange={(e) => setPullName(e.target.value)} />
            <button
              type="button"
              className="button"
              disabled={!pullName.trim() || (pull !== null && !pull.done)}
              onClick={() => void pullModel(pullName.trim())}
            >
              Pull
            </button>
          </div>
          {pull && <PullBar pull={pull} />}
        </>
      )}

      <label htmlFor={ids.budget}>Daily tutor budget (requests per day; empty for no limit)</label>
      <input
        id={ids.budget}
        type="number"
        min={1}
        max={1000}
        defaultValue={settings.dailyBudget ?? ''}
        onBlur={(e) => {
          const value = e.target.value.trim();
          const n = Number(value);
          if (value === '') void configure({ dailyBudget: null });
          else if (Number.isInteger(n) && n >= 1 && n <= 1000) void configure({ dailyBudget: n });
        }}
      />
      <label htmlFor={ids.mode}>Teaching mode</label>
      <ChoiceSelect id={ids.mode} value={settings.mode} choices={tutorModes} labels={tutorModeLabels} onChange={(mode) => void configure({ mode })} />
      <label htmlFor={ids.initiative}>Tutor initiative (offers it makes without being asked; never in challenges or exams)</label>
      <ChoiceSelect
        id={ids.initiative}
        value={settings.initiative}
        choices={tutorInitiatives}
        labels={tutorInitiativeLabels}
        onChange={(initiative) => void configure({ initiative })}
      />
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
