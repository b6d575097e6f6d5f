// The learning metrics of the design (§10.2), each a pure function of plain figures the store
// sums up. Every one returns null when there is too little to say, so the Progress view can show
// "not enough yet" instead of a made-up number.

const HOUR = 3600;
const DAY_MS = 86_400_000;

/** Learning velocity: modules completed per hour of active (non-idle) time. */
export function learningVelocity(modulesCompleted: number, activeSeconds: number): number | null {
  if (activeSeconds < 60 || modulesCompleted < 0) return null;
  return modulesCompleted / (activeSeconds / HOUR);
}

export interface ReviewOutcome {
  readonly recalled: boolean;
  readonly at: number;
  /** Identical outcomes at that instant (the store groups a day's reviews); 1 when absent. */
  readonly times?: number;
}

/**
 * Knowledge retention: the share of reviews recalled (anything but Again) in the window, from 0
 * to 1. Recent reviews count more (half-life 14 days) because retention is about now.
 */
export function knowledgeRetention(reviews: readonly ReviewOutcome[], now: number, halfLifeDays = 14): number | null {
  let weight = 0;
  let recalled = 0;
  for (const review of reviews) {
    const ageDays = Math.max(0, now - review.at) / DAY_MS;
    const w = 0.5 ** (ageDays / halfLifeDays) * Math.max(0, review.times ?? 1);
    weight += w;
    if (review.recalled) recalled += w;
  }
  return weight === 0 ? null : recalled / weight;
}

export interface Engagement {
  /** Sessions in the window (see sessionsInSlots). */
  readonly sessions: number;
  readonly activeSeconds: number;
  /** Runs, Checks, answers, reviews, hints: anything the learner did. */
  readonly interactions: number;
}

/**
 * Engagement score, 0–100: sessions × duration × interactions over the last 7 days, each factor
 * saturating at a healthy week (5 sessions, 25 minutes on average, 30 interactions per hour) so
 * no single one can buy the score, and the product rewards a balance of all three.
 */
export function engagementScore(week: Engagement): number {
  if (week.sessions <= 0) return 0;
  const seconds = Math.max(0, week.activeSeconds);
  const frequency = Math.min(1, week.sessions / 5);
  const duration = Math.min(1, seconds / week.sessions / (25 * 60));
  const intensity = seconds === 0 ? 0 : Math.min(1, Math.max(0, week.interactions) / (seconds / HOUR) / 30);
  return Math.round(100 * Math.cbrt(frequency * duration * intensity));
}

/** Half hours in a day: bit n of a day's slots is the half hour from n × 30 minutes after midnight UTC. */
export const SLOTS_PER_DAY = 48;

/**
 * Sessions in consecutive days of half-hour slots (oldest first, a day with nothing may be
 * missing): a session is a run of half hours with an interaction, so one empty half hour (the
 * learner away 30 to 90 minutes) ends it. The store keeps the slots per day, not each instant,
 * so the count is read from a few numbers whatever the length of the history.
 */
export function sessionsInSlots(days: readonly { readonly day: number; readonly slots: number }[]): number {
  let sessions = 0;
  let previousDay = Number.NaN;
  let previousOccupied = false;
  for (const { day, slots } of days) {
    if (day !== previousDay + 1) previousOccupied = false;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const occupied = Math.floor(slots / 2 ** slot) % 2 === 1;
      if (occupied && !previousOccupied) sessions++;
      previousOccupied = occupied;
    }
    previousDay = day;
  }
  return sessions;
}

export interface ConceptEffort {
  readonly conceptId: string;
  readonly attempts: number;
  readonly hints: number;
  readonly activeSeconds: number;
  /** What the lessons teaching the concept expect (their par), when known. */
  readonly parSeconds?: number;
}

/**
 * Struggle index per concept, 0 and up (1 is an ordinary effort): failed attempts beyond the
 * first × hints (each hint one more unit) × time against par, as a product so a concept that
 * took many tries, many hints and long is flagged well above one that took only one of those.
 */
export function struggleIndex(effort: ConceptEffort): number {
  const attempts = 1 + Math.max(0, effort.attempts - 1) * 0.5;
  const hints = 1 + Math.max(0, effort.hints) * 0.5;
  const par = effort.parSeconds && effort.parSeconds > 0 ? effort.parSeconds : null;
  const time = par ? Math.max(0.5, Math.min(4, effort.activeSeconds / par)) : 1;
  return attempts * hints * time;
}

export interface CompletionForecast {
  readonly earliest: number;
  readonly latest: number;
}

/**
 * Predicted completion of the current course: remaining lessons at the learner's recent pace
 * (lessons per active day) and how often they are active (active days per week), as a range:
 * from the faster of the two recent paces to the slower, never before tomorrow.
 */
export function predictedCompletion(input: {
  readonly remainingLessons: number;
  /** Lessons completed per active day, over the last 2 weeks and over the last 6. */
  readonly recentPace: number;
  readonly longerPace: number;
  /** Active days per week, over the last 4 weeks. */
  readonly activeDaysPerWeek: number;
  readonly now: number;
}): CompletionForecast | null {
  if (input.remainingLessons <= 0) return { earliest: input.now, latest: input.now };
  const paces = [input.recentPace, input.longerPace].filter((pace) => pace > 0);
  if (paces.length === 0 || input.activeDaysPerWeek <= 0) return null;
  const daysFor = (pace: number) => Math.max(1, Math.ceil((input.remainingLessons / pace) * (7 / Math.min(7, input.activeDaysPerWeek))));
  const fast = daysFor(Math.max(...paces));
  const slow = daysFor(Math.min(...paces));
  return { earliest: input.now + fast * DAY_MS, latest: input.now + slow * DAY_MS };
}

/**
 * Skill decay risk of one concept, 0–1: days since it was last practised × its volatility (how
 * unsteady the learner's results on it have been: 1 − mastery, plus the share of lapses), as the
 * probability-like 1 − e^(−days × volatility / 30): a month away from a shaky concept is high risk.
 */
export function skillDecayRisk(input: { readonly daysSincePractice: number; readonly mastery: number; readonly lapseRate: number }): number {
  const days = Math.max(0, input.daysSincePractice);
  const volatility = Math.min(1, Math.max(0, 1 - input.mastery) + Math.max(0, Math.min(1, input.lapseRate)) / 2);
  return 1 - Math.exp((-days * Math.max(0.05, volatility)) / 30);
}
