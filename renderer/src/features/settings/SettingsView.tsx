import { useId } from 'react';
import { gamificationModes, timeOfDaySchema, type Settings } from '../../../../preload/contract/profile';
import { useAppStore } from '../../app/app-store';
import { TutorSettingsSection } from '../tutor/TutorSettings';
import { gamificationModeLabels } from './labels';
import { ChoiceSelect } from './ChoiceSelect';
import { SandboxSettingsSection } from './SandboxSettings';
import { SyncSettingsSection } from './SyncSettings';
import { AccountSettingsSection } from './AccountSettings';
import { AccountCohortsSection } from './AccountCohorts';
import { UpdateSettingsSection } from '../update/UpdateSettings';
import { DataSettingsSection } from './data/DataSettings';
import { PathSettingsSection } from '../onboarding/PathSettings';
import { LockableSection, LockNote, OrganisationAbout } from '../organisation/OrganisationParts';
import { useLockedBy } from '../organisation/organisation-store';

export function SettingsSide() {
  return (
    <nav aria-label="Settings sections" className="side-list">
      <a href="#settings-appearance">Appearance</a>
      <a href="#settings-learner">You</a>
      <a href="#settings-path">Your path</a>
      <a href="#settings-tutor">Tutor</a>
      <a href="#settings-sandbox">Sandbox</a>
      <a href="#settings-sync">Sync</a>
      <a href="#settings-account">Account</a>
      <a href="#settings-cohorts">Cohorts</a>
      <a href="#settings-updates">Updates</a>
      <a href="#settings-data">Your data</a>
      <a href="#settings-about">About</a>
    </nav>
  );
}

export function SettingsCanvas() {
  const { settings, profile, status, updateSettings, updateProfile } = useAppStore();
  const lockedBy = { theme: useLockedBy('theme'), font: useLockedBy('editorFontSize'), reminder: useLockedBy('streakReminder') };
  const ids = { theme: useId(), font: useId(), name: useId(), mode: useId(), reminder: useId(), reminderTime: useId(), reminderNote: useId() };
  if (!settings || !profile) return null;
  return (
    <div className="settings">
      <h1>Settings</h1>
      <section id="settings-appearance" aria-labelledby="settings-appearance-title">
        <h2 id="settings-appearance-title">Appearance</h2>
        <label htmlFor={ids.theme}>Theme</label>
        <LockNote setting="theme" />
        <select
          id={ids.theme}
          value={settings.theme}
          disabled={lockedBy.theme !== null}
          onChange={(e) => void updateSettings({ theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">Follow the system</option>
          <option value="dark">Dark</option>
          <option value="light">Light</option>
        </select>
        <label htmlFor={ids.font}>Editor font size</label>
        <LockNote setting="editorFontSize" />
        <input
          id={ids.font}
          disabled={lockedBy.font !== null}
          type="number"
          min={8}
          max={40}
          value={settings.editorFontSize}
          onChange={(e) => {
            const size = Number(e.target.value);
            if (Number.isInteger(size) && size >= 8 && size <= 40) void updateSettings({ editorFontSize: size });
          }}
        />
      </section>
      <section id="settings-learner" aria-labelledby="settings-learner-title">
        <h2 id="settings-learner-title">You</h2>
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} defaultValue={profile.name} onBlur={(e) => e.target.value.trim() && void updateProfile({ name: e.target.value })} />
        <label htmlFor={ids.mode}>Game elements</label>
        <ChoiceSelect
          id={ids.mode}
          value={profile.gamificationMode}
          choices={gamificationModes}
          labels={gamificationModeLabels}
          onChange={(gamificationMode) => void updateProfile({ gamificationMode })}
        />
        <label htmlFor={ids.reminder}>Streak reminder</label>
        <span>
          <input
            id={ids.reminder}
            type="checkbox"
            checked={settings.streakReminder.enabled}
            disabled={profile.gamificationMode === 'off' || lockedBy.reminder !== null}
            aria-describedby={ids.reminderNote}
            onChange={(e) => void updateSettings({ streakReminder: { ...settings.streakReminder, enabled: e.target.checked } })}
          />{' '}
          <span id={ids.reminderNote} className="muted">
            {profile.gamificationMode === 'off' ? 'Off while game elements are off.' : 'A nudge before the day ends when today would break your streak.'}
          </span>
        </span>
        <label htmlFor={ids.reminderTime}>Remind me at</label>
        <input
          id={ids.reminderTime}
          type="time"
          value={settings.streakReminder.time}
          disabled={!settings.streakReminder.enabled || profile.gamificationMode === 'off' || lockedBy.reminder !== null}
          onChange={(e) =>
            timeOfDaySchema.safeParse(e.target.value).success && void updateSettings({ streakReminder: { ...settings.streakReminder, time: e.target.value } })
          }
        />
      </section>
      <PathSettingsSection />
      <LockableSection setting="tutor">
        <TutorSettingsSection />
      </LockableSection>
      <LockableSection setting="sandbox">
        <SandboxSettingsSection />
      </LockableSection>
      <SyncSettingsSection />
      <AccountSettingsSection />
      <AccountCohortsSection />
      <LockableSection setting="updates">
        <UpdateSettingsSection />
      </LockableSection>
      <DataSettingsSection />
      <section id="settings-about" aria-labelledby="settings-about-title">
        <h2 id="settings-about-title">About</h2>
        <p className="muted">
          Dronacharya {status?.version} · {status?.mode === 'serve' ? 'serve mode (browser)' : 'desktop'} · data in <code>{status?.dataDir}</code>
        </p>
        <OrganisationAbout />
      </section>
    </div>
  );
}
