// The learner's per-course confirmation that a course's code may run unisolated (the process
// driver), kept in main: the renderer asks for it after showing the risk, and main checks it
// before every such run. A confirmation covers the course as installed when it was given (its
// version and bundle digest): an upgrade, or another bundle re-using the id or the version,
// replaces the code that would run, so it asks again.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DronaError } from '../../preload/contract/errors';
import type { CourseConsent } from '../../preload/contract/sandbox';
import type { Store } from '../store/open-store';
import { courses, settings } from '../store/schema';
import type { ConsentState } from './driver-choice';

/** A row of the settings table that settings.get/update do not expose (they know their keys). */
const KEY = 'sandbox.processConsent';

const recordSchema = z.record(z.string(), z.object({ version: z.string(), digest: z.string(), grantedAt: z.number() }));
type Records = z.infer<typeof recordSchema>;

export interface InstalledCourse {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly digest: string;
}

export class ProcessConsents {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  private records(): Records {
    const row = this.store.db.select().from(settings).where(eq(settings.key, KEY)).get();
    const parsed = recordSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : {};
  }

  private save(records: Records): void {
    const at = this.now();
    this.store.db
      .insert(settings)
      .values({ key: KEY, value: records, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: records, updatedAt: at } })
      .run();
  }

  installed(courseId: string): InstalledCourse | null {
    const row = this.store.db
      .select({ id: courses.id, title: courses.title, version: courses.version, digest: courses.manifestDigest })
      .from(courses)
      .where(eq(courses.id, courseId))
      .get();
    return row ?? null;
  }

  /** For code from `courseId` (null: from no course). A course that is not installed has no consent. */
  state(courseId: string | null): ConsentState {
    if (courseId === null) return 'not-needed';
    const course = this.installed(courseId);
    const record = this.records()[courseId];
    return course && record && record.version === course.version && record.digest === course.digest ? 'given' : 'missing';
  }

  /** Records the learner's confirmation for the course as installed now; refused when it is not installed. */
  grant(courseId: string): CourseConsent {
    const course = this.installed(courseId);
    if (!course) throw new DronaError('not_found', `There is no installed course "${courseId}" to allow.`);
    const grantedAt = this.now();
    this.save({ ...this.records(), [courseId]: { version: course.version, digest: course.digest, grantedAt } });
    return { courseId, courseTitle: course.title, version: course.version, grantedAt };
  }

  /** Takes the confirmation back; returns those that remain. */
  revoke(courseId: string): CourseConsent[] {
    const { [courseId]: _gone, ...rest } = this.records();
    this.save(rest);
    return this.list();
  }

  /** Confirmations still valid for what is installed, by course title. */
  list(): CourseConsent[] {
    return Object.entries(this.records())
      .flatMap(([courseId, record]) => {
        const course = this.installed(courseId);
        return course && course.version === record.version && course.digest === record.digest
          ? [{ courseId, courseTitle: course.title, version: course.version, grantedAt: record.grantedAt }]
          : [];
      })
      .sort((a, b) => a.courseTitle.localeCompare(b.courseTitle));
  }
}
