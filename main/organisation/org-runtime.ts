// What an organisation profile does to a running app: its tutor preset (on first start, or at
// every start when locked), its sync server (enforced when locked), its bundled courses
// (installed once per signed file, through the same checks as the import button), and the view
// the window shows (branding, issuer, required path, locks).
import path from 'node:path';
import { DronaError, messageOf } from '../../preload/contract/errors';
import type { OrganisationView } from '../../preload/contract/organisation';
import type { Services } from '../app/services';
import type { Logger } from '../app/logger';
import type { Handler, Handlers } from '../ipc/handlers';
import { readRow, writeRow } from '../sync/sync-state';
import { accentPalette } from './accent';
import { readOrgFile, type OrgBundle } from './org-bundle';
import { canonicalJson } from './org-signature';
import { orgSettingsPreset } from './settings-lock';

const APPLIED_KEY = 'organisation.applied';
const COURSES_KEY = 'organisation.courses';

export class OrganisationRuntime {
  private readonly problems: string[] = [];
  private readonly logo: string | null;
  private ready: Promise<void> = Promise.resolve();

  constructor(
    readonly bundle: OrgBundle,
    private readonly logger: Logger,
  ) {
    this.logo = this.readLogo();
  }

  get profile() {
    return this.bundle.profile;
  }

  private problem(message: string): void {
    this.problems.push(message);
    this.logger.warn(`organisation: ${message}`);
  }

  private readLogo(): string | null {
    const entry = this.profile.logo;
    if (!entry) return null;
    const file = readOrgFile(this.bundle, entry);
    if (!file.ok) {
      this.problem(`The logo was not shown: ${file.reason}.`);
      return null;
    }
    return `data:${entry.endsWith('.svg') ? 'image/svg+xml' : 'image/png'};base64,${file.bytes.toString('base64')}`;
  }

  /** Called each time the services start (again after a recovery or an erase). */
  apply(services: Services, now: number): void {
    const { profile } = this;
    const version = canonicalJson(profile);
    const firstStart = readRow<string>(services.store, APPLIED_KEY) !== version;
    // An unlocked preset is a starting point the learner may change; a locked one is rewritten each start.
    if (firstStart || profile.locked.includes('tutor')) services.settings.update(orgSettingsPreset(profile, services.settings.get()));
    if (firstStart) writeRow(services.store, APPLIED_KEY, version, now);
    if (profile.syncServer && profile.locked.includes('sync') && services.sync.status().serverUrl !== profile.syncServer)
      services.sync.configure(profile.syncServer);
    this.ready = this.installCourses(services, now);
  }

  private async installCourses(services: Services, now: number): Promise<void> {
    const installed = readRow<Record<string, string>>(services.store, COURSES_KEY) ?? {};
    for (const entry of this.profile.courses) {
      const file = readOrgFile(this.bundle, entry);
      if (!file.ok) {
        this.problem(`A bundled course was not installed: ${file.reason}.`);
        continue;
      }
      const digest = this.bundle.files[entry]!;
      if (installed[digest]) continue;
      try {
        const result = await services.courses.installer.importUpload(path.basename(entry), file.bytes);
        installed[digest] = result.courseId;
        writeRow(services.store, COURSES_KEY, installed, now);
        this.logger.info(`organisation: installed ${result.courseId} ${result.version} from ${entry}`);
      } catch (error) {
        this.problem(`A bundled course was not installed: ${messageOf(error)}`);
      }
    }
  }

  async view(services: Services): Promise<OrganisationView> {
    await this.ready;
    const { profile } = this;
    return {
      id: profile.id,
      name: profile.name,
      logo: this.logo,
      accent: profile.accentColor ? accentPalette(profile.accentColor) : null,
      certificateIssuer: profile.certificateIssuer ?? null,
      syncServer: profile.syncServer ?? null,
      locked: [...profile.locked],
      requiredPath: profile.requiredPath.map((courseId) => {
        const course = services.courses.getCourse(courseId);
        return { courseId, title: course?.title ?? null, installed: course !== null };
      }),
      problems: [...this.problems],
    };
  }

  /** sync.configure refused when the sync server is locked to another address. */
  guardSync(configure: Handler<'sync.configure'>): Handler<'sync.configure'> {
    const { profile } = this;
    if (!profile.locked.includes('sync')) return configure;
    return (input, ctx) => {
      if (input.serverUrl.replace(/\/+$/, '') !== (profile.syncServer ?? '').replace(/\/+$/, ''))
        throw new DronaError('locked', `${profile.name} manages sync on this computer; ask them to change it.`, { locked: ['sync'] });
      return configure(input, ctx);
    };
  }
}

export function organisationHandlers(org: OrganisationRuntime | null, services: () => Services): Pick<Handlers, 'organisation.get'> {
  return { 'organisation.get': async () => (org ? org.view(services()) : null) };
}
