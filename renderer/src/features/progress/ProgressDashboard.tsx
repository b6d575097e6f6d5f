// The Progress view's canvas: XP over time, the activity heatmap, per-course progress,
// achievements, streak history, learning velocity and the weekly summary. Loaded lazily. Each
// section draws as soon as its own data is there: the frame and every heading at once, the
// metrics and the skill map as their calls answer, the rest with the dashboard's data.
import { Lock, Trophy } from 'lucide-react';
import { useMemo, useSyncExternalStore } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AchievementCard, Dashboard } from '../../../../preload/contract/progress';
import { DoneCount } from '../shell/DoneCount';
import { ActivityHeatmap } from './ActivityHeatmap';
import { formatDuration } from './format';
import { LearningMetrics } from './LearningMetrics';
import { openRecommended, useDashboard } from './dashboard-store';
import { WeekTiles } from './WeekTiles';
import { SkillMap } from './skill-map/SkillMap';
import { ProgressCard } from './ProgressCard';

/** The theme on <html> now; the shell sets the attribute after render, so watch it. */
function useShownTheme(): string {
  return useSyncExternalStore(
    (notify) => {
      const observer = new MutationObserver(notify);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
      return () => observer.disconnect();
    },
    () => document.documentElement.dataset.theme ?? 'dark',
  );
}

/** The chart colours of the theme shown now (recharts draws SVG attributes, not CSS). */
function useChartColors() {
  const theme = useShownTheme();
  return useMemo(() => {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string) => style.getPropertyValue(name).trim();
    return {
      theme,
      xp: read('--xp'),
      accent: read('--accent'),
      streak: read('--streak'),
      text: read('--text'),
      muted: read('--text-muted'),
      grid: read('--border'),
      raised: read('--bg-raised'),
    };
  }, [theme]);
}

/** Tooltip and axis props in the theme's colours, shared by every chart of the dashboard. */
function chartStyle(colors: ReturnType<typeof useChartColors>) {
  return {
    grid: colors.grid,
    tooltip: { contentStyle: { background: colors.raised, border: `1px solid ${colors.grid}`, color: colors.text }, labelStyle: { color: colors.text } },
    axis: { tick: { fill: colors.muted, fontSize: 11 }, stroke: colors.grid },
  };
}

/** A small bar chart of whole counts by date (lessons per week, streak lengths), described for screen readers by `label`. */
function CountBars(props: {
  label: string;
  data: readonly object[];
  dateKey: string;
  dateLabel: (date: string) => string;
  countKey: string;
  countName: string;
  fill: string;
  style: ReturnType<typeof chartStyle>;
}) {
  const { axis, tooltip, grid } = props.style;
  return (
    <div className="progress-chart" role="img" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart data={[...props.data]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={props.dateKey} tickFormatter={shortDate} {...axis} />
          <YAxis width={32} allowDecimals={false} {...axis} />
          <Tooltip {...tooltip} labelFormatter={(label) => props.dateLabel(String(label))} />
          <Bar dataKey={props.countKey} name={props.countName} fill={props.fill} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const shortDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

const LOADING = 'Loading…';

export default function ProgressDashboard() {
  const { dashboard, error } = useDashboard();
  return (
    <div className="progress-dashboard">
      <header className="progress-header">
        <h1>Progress</h1>
        {error ? (
          <p role="alert">{error}</p>
        ) : dashboard ? (
          <HudLine hud={dashboard.hud} />
        ) : (
          <p className="muted" role="status">
            Loading your progress…
          </p>
        )}
      </header>
      {dashboard ? <WeeklySummary dashboard={dashboard} /> : !error && <ProgressCard id="summary-heading" title="Weekly summary" loading={LOADING} />}
      <LearningMetrics />
      {/* The skill map (./skill-map/, i14-mastery) goes here, between the metrics and the charts. */}
      {dashboard ? <DashboardSections dashboard={dashboard} /> : !error && <LoadingSections />}
      <SkillMap />
    </div>
  );
}

function HudLine({ hud }: { hud: Dashboard['hud'] }) {
  return (
    <p className="muted">
      Level {hud.level} · {hud.totalXp.toLocaleString()} XP · {hud.streak.current}-day streak (longest {hud.streak.longest}) · {hud.streak.freezes} freeze
      {hud.streak.freezes === 1 ? '' : 's'}
    </p>
  );
}

/** The dashboard's sections, headed and marked busy, while its data is on its way. */
function LoadingSections() {
  return (
    <>
      <ProgressCard id="xp-heading" title="XP over time" loading={LOADING} />
      <ProgressCard id="activity-heading" title="Activity" loading={LOADING} />
      <div className="progress-row">
        <ProgressCard id="velocity-heading" title="Lessons per week" loading={LOADING} />
        <ProgressCard id="streaks-heading" title="Streak history" loading={LOADING} />
      </div>
      <ProgressCard id="courses-heading" title="Courses" loading={LOADING} />
      <ProgressCard id="achievements-heading" title="Achievements" loading={LOADING} />
    </>
  );
}

function DashboardSections({ dashboard }: { dashboard: Dashboard }) {
  const colors = useChartColors();
  const style = chartStyle(colors);
  const { tooltip, axis } = style;
  const { hud } = dashboard;

  return (
    <div className="progress-sections" data-chart-theme={colors.theme}>
      <ProgressCard id="xp-heading" title="XP over time">
        {dashboard.xpByDay.length ? (
          <div className="progress-chart" role="img" aria-label={`XP over time: ${hud.totalXp} XP in total over ${dashboard.xpByDay.length} days`}>
            <ResponsiveContainer width="100%" height={200}>
              <AreaChart data={dashboard.xpByDay} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
                <XAxis dataKey="date" tickFormatter={shortDate} {...axis} />
                <YAxis width={48} {...axis} />
                <Tooltip {...tooltip} labelFormatter={(label) => shortDate(String(label))} />
                <Area type="monotone" dataKey="cumulative" name="Total XP" stroke={colors.xp} fill={colors.xp} fillOpacity={0.25} isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="muted">Complete a lesson to start your XP line.</p>
        )}
      </ProgressCard>

      <ProgressCard id="activity-heading" title="Activity">
        <ActivityHeatmap days={dashboard.activityByDay} today={dashboard.today} />
      </ProgressCard>

      <div className="progress-row">
        <ProgressCard id="velocity-heading" title="Lessons per week">
          <CountBars
            label={`Lessons per week, last 8 weeks: ${dashboard.velocity.map((w) => w.lessons).join(', ')}`}
            data={dashboard.velocity}
            dateKey="weekStart"
            dateLabel={(date) => `Week of ${shortDate(date)}`}
            countKey="lessons"
            countName="Lessons"
            fill={colors.accent}
            style={style}
          />
        </ProgressCard>
        <ProgressCard id="streaks-heading" title="Streak history">
          {dashboard.streaks.length ? (
            <CountBars
              label={`Streaks: ${dashboard.streaks.map((s) => `${s.days} days from ${s.start}`).join('; ')}`}
              data={dashboard.streaks.slice(-12)}
              dateKey="start"
              dateLabel={(date) => `Started ${shortDate(date)}`}
              countKey="days"
              countName="Days"
              fill={colors.streak}
              style={style}
            />
          ) : (
            <p className="muted">Your streaks will show here.</p>
          )}
        </ProgressCard>
      </div>

      <ProgressCard id="courses-heading" title="Courses">
        {dashboard.courses.length ? (
          <ul className="progress-courses">
            {dashboard.courses.map((course) => (
              <li key={course.id}>
                <details>
                  <summary>
                    <span className="progress-course-title">{course.title}</span>
                    <Meter label={`${course.title} completion`} value={course.percent} />
                    <span className="muted">
                      {course.completed}/{course.total} lessons · {formatDuration(course.activeSeconds)}
                    </span>
                  </summary>
                  <ul className="progress-modules">
                    {course.modules.map((module) => (
                      <li key={module.id}>
                        <span>{module.title}</span>
                        <Meter label={`${module.title} completion`} value={module.percent} />
                        <DoneCount done={module.completed} total={module.total} />
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No courses installed yet.</p>
        )}
        {dashboard.tracks.length > 0 && <p className="muted">Tracks: {dashboard.tracks.map((track) => `${track.title} ${track.percent}%`).join(' · ')}</p>}
        {dashboard.recommended && (
          <p>
            Next up: <strong>{dashboard.recommended.title}</strong> ({dashboard.recommended.courseTitle}){' '}
            <button className="button" onClick={() => openRecommended(dashboard.recommended!.courseId, dashboard.recommended!.lessonId)}>
              Open lesson
            </button>
          </p>
        )}
      </ProgressCard>

      <section className="progress-card" aria-labelledby="achievements-heading">
        <h2 id="achievements-heading">
          Achievements{' '}
          <span className="muted">
            ({dashboard.achievements.filter((a) => a.state === 'earned').length} of {dashboard.achievements.length})
          </span>
        </h2>
        <ul className="achievement-grid">
          {dashboard.achievements.map((achievement) => (
            <AchievementTile key={achievement.id} achievement={achievement} />
          ))}
        </ul>
      </section>
    </div>
  );
}

function Meter({ label, value }: { label: string; value: number }) {
  return (
    <span className="progress-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={`${value}%`}>
      <span style={{ width: `${value}%` }} />
    </span>
  );
}

function WeeklySummary({ dashboard }: { dashboard: Dashboard }) {
  const { week } = dashboard;
  return (
    <section className="progress-card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        Weekly summary{' '}
        <span className="muted">
          ({shortDate(week.start)} – {shortDate(week.end)})
        </span>
      </h2>
      <WeekTiles week={week} bestDay={week.bestDay ? `${shortDate(week.bestDay.date)} (${week.bestDay.xp} XP)` : '—'} wide />
    </section>
  );
}

function AchievementTile({ achievement }: { achievement: AchievementCard }) {
  const { state } = achievement;
  return (
    <li
      className={`achievement achievement-${state}`}
      aria-label={`${achievement.title}: ${state === 'earned' ? 'earned' : state === 'hidden' ? 'hidden' : 'in progress'}`}
    >
      <span className="achievement-icon" aria-hidden="true">
        {state === 'earned' ? <Trophy size={18} /> : <Lock size={18} />}
      </span>
      <span className="achievement-body">
        <strong>{achievement.title}</strong>
        <span className="muted">{achievement.description}</span>
        <span className="achievement-meta muted">
          {achievement.category}
          {state === 'earned' && achievement.earnedAt !== null && ` · earned ${new Date(achievement.earnedAt).toLocaleDateString()}`}
          {state === 'in-progress' && achievement.progressLabel && ` · ${achievement.progressLabel}`}
        </span>
        {state === 'in-progress' && achievement.progress > 0 && (
          <Meter label={`${achievement.title} progress`} value={Math.round(achievement.progress * 100)} />
        )}
      </span>
    </li>
  );
}
