import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { firstRunInputSchema, Profile } from '../../preload/contract/profile';
import type { Store } from '../store/open-store';
import { profile } from '../store/schema';

type FirstRunInput = z.output<typeof firstRunInputSchema>;

const LEARNER_ID = 1;

/** Before the first-run flow there is no row yet: this is what the app shows meanwhile. */
function emptyProfile(timezone: string): Profile {
  return {
    name: '',
    goal: '',
    experienceLevel: 'new',
    gamificationMode: 'full',
    timezone,
    firstRunCompleted: false,
  };
}

export class ProfileService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
    private readonly systemTimezone: () => string = () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  ) {}

  get(): Profile {
    const row = this.store.db.select().from(profile).where(eq(profile.id, LEARNER_ID)).get();
    if (!row) return emptyProfile(this.systemTimezone());
    return {
      name: row.name,
      goal: row.goal,
      experienceLevel: row.experienceLevel as Profile['experienceLevel'],
      gamificationMode: row.gamificationMode as Profile['gamificationMode'],
      timezone: row.timezone,
      firstRunCompleted: row.firstRunCompletedAt !== null,
    };
  }

  completeFirstRun(input: FirstRunInput): Profile {
    const at = this.now();
    this.store.db
      .insert(profile)
      .values({ id: LEARNER_ID, ...input, createdAt: at, firstRunCompletedAt: at })
      .onConflictDoUpdate({ target: profile.id, set: { ...input, firstRunCompletedAt: at } })
      .run();
    return this.get();
  }

  update(patch: Partial<FirstRunInput>): Profile {
    const current = this.get();
    if (!current.firstRunCompleted) {
      return this.completeFirstRun({
        name: patch.name ?? current.name,
        goal: patch.goal ?? current.goal,
        experienceLevel: patch.experienceLevel ?? current.experienceLevel,
        gamificationMode: patch.gamificationMode ?? current.gamificationMode,
        timezone: patch.timezone ?? current.timezone,
      });
    }
    if (Object.keys(patch).length) this.store.db.update(profile).set(patch).where(eq(profile.id, LEARNER_ID)).run();
    return this.get();
  }
}
