// Settings → Sandbox: whether course code may run directly on this computer when no isolated
// sandbox is available (off by default; each course still asks once), and the courses the
// learner has allowed, each of which can be taken back.
import { useId } from 'react';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';

export function SandboxSettingsSection() {
  const { settings, updateSettings } = useAppStore();
  const ids = { allow: useId(), note: useId() };
  const allowProcess = settings?.sandbox.allowProcess ?? false;
  const status = useCall('sandbox.status', {}, [allowProcess]);
  const allowedCourses = useCall('sandbox.allowedCourses', {}, [allowProcess]);
  const allowed = allowedCourses.data ?? [];

  if (!settings) return null;
  return (
    <section id="settings-sandbox" aria-labelledby="settings-sandbox-title">
      <h2 id="settings-sandbox-title">Sandbox</h2>
      <span>Now</span>
      <span className="muted" data-testid="sandbox-settings-status">
        {status.error ?? status.data?.detail ?? '…'}
      </span>
      <label htmlFor={ids.allow}>Run course code directly on this computer (not isolated)</label>
      <span>
        <input
          id={ids.allow}
          type="checkbox"
          checked={allowProcess}
          aria-describedby={ids.note}
          onChange={(e) => void updateSettings({ sandbox: { ...settings.sandbox, allowProcess: e.target.checked } })}
        />{' '}
        <span id={ids.note} className="muted">
          Only when no isolated sandbox (Docker) is available. Code then runs as you: it can read your files and reach the network. Each course asks once before
          its code runs this way.
        </span>
      </span>
      {allowedCourses.error && (
        <>
          <span>Allowed courses</span>
          <span className="form-error">{allowedCourses.error}</span>
        </>
      )}
      {allowed.length > 0 && (
        <>
          <span>Allowed courses</span>
          <ul aria-label="Courses allowed to run on this computer" className="sandbox-allowed">
            {allowed.map((course) => (
              <li key={course.courseId}>
                {course.courseTitle} <span className="muted">{course.version}</span>{' '}
                <button
                  type="button"
                  className="button"
                  aria-label={`Stop allowing ${course.courseTitle}`}
                  onClick={async () => allowedCourses.setData(await client().call('sandbox.disallowCourse', { courseId: course.courseId }))}
                >
                  Stop allowing
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
