// Test support: the tiny fixture course, and a course service over a fresh SQLite store in a
// temporary data dir for every test (closed and removed after it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { forwardTo } from '../../../common/testing/forward-to';
import { openStore, type Store } from '../../store/open-store';
import { readBundleDir, type BundleFiles } from '../bundle/bundle-files';
import type { PackLimits } from '../bundle/course-pack';
import { CourseService } from '../course-service';

export const tinyCourseDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tiny-course');

/** A fresh copy of the tiny fixture course, as a bundle in memory. */
export const tinyCourse = (): BundleFiles => readBundleDir(tinyCourseDir).files;

export interface TempCourses {
  readonly store: Store;
  readonly dataDir: string;
  readonly service: CourseService;
}

/** Registers the hooks; the returned object holds the current test's store, data dir and service. */
export function useTempCourseService(prefix: string, options: { now?: () => number; limits?: PackLimits } = {}): TempCourses {
  let current: TempCourses | null = null;
  beforeEach(() => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const store = openStore(path.join(dataDir, 'drona.db'));
    current = { store, dataDir, service: new CourseService(store, dataDir, options.now ?? (() => 1), options.limits) };
  });
  afterEach(() => {
    current?.store.close();
    if (current) fs.rmSync(current.dataDir, { recursive: true, force: true });
    current = null;
  });
  return forwardTo(() => current, 'useTempCourseService: read only inside a test');
}
