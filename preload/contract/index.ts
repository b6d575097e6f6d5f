// The one renderer↔main contract. Each domain declares its calls and events in its own
// file here; this index merges them. Main implements every call; the renderer calls them.
import type { z } from 'zod';
import { appCalls, appEvents } from './app';
import { coursesCalls, coursesEvents } from './courses';
import { languageCalls } from './language';
import { learnerCalls } from './learner';
import { lessonCalls } from './lesson';
import { practiceCalls, practiceEvents } from './practice';
import { pathCalls } from './path';
import { profileCalls } from './profile';
import { syncCalls, syncEvents } from './sync';
import { accountCalls, accountEvents } from './account';
import { leaderboardCalls } from './leaderboard';
import { certificatesCalls } from './certificates';
import { progressCalls, progressEvents } from './progress';
import { tutorCalls, tutorEvents } from './tutor';
import { sandboxCalls, sandboxEvents } from './sandbox';
import { terminalCalls, terminalEvents } from './terminal';
import { workspaceCalls, workspaceEvents } from './workspace';
import { updateCalls, updateEvents } from './update';
import { dataCalls, dataEvents } from './data';
import { visualizeCalls } from './visualize';
import { organisationCalls } from './organisation';
import { examCalls } from './exam';
import { learnerProfilesCalls } from './learner-profiles';
import { projectCalls, projectEvents } from './project';

export const calls = {
  ...appCalls,
  ...profileCalls,
  ...tutorCalls,
  ...sandboxCalls,
  ...workspaceCalls,
  ...terminalCalls,
  ...lessonCalls,
  ...languageCalls,
  ...coursesCalls,
  ...progressCalls,
  ...syncCalls,
  ...accountCalls,
  ...leaderboardCalls,
  ...certificatesCalls,
  ...practiceCalls,
  ...learnerCalls,
  ...pathCalls,
  ...updateCalls,
  ...dataCalls,
  ...visualizeCalls,
  ...organisationCalls,
  ...examCalls,
  ...learnerProfilesCalls,
  ...projectCalls,
};

export const events = {
  ...coursesEvents,
  ...appEvents,
  ...tutorEvents,
  ...sandboxEvents,
  ...workspaceEvents,
  ...terminalEvents,
  ...progressEvents,
  ...syncEvents,
  ...accountEvents,
  ...practiceEvents,
  ...updateEvents,
  ...dataEvents,
  ...projectEvents,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>;

export const isCallName = (name: unknown): name is CallName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);

export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

export * from './errors';
