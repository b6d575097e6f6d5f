// Installing a course with concepts fills the `concepts` table and `lessons.concepts`, the
// catalog serves them, and an upgrade replaces them with what the new version declares.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packBundle } from '../bundle/course-pack';
import { concepts, lessons } from '../../store/schema';
import { conceptCourse, editBundle as edit } from '../testing/concept-course';
import { useTempCourseService } from '../testing/temp-course-service';

const env = useTempCourseService('drona-concepts-');

const conceptRows = () =>
  env.store.db
    .select({ id: concepts.conceptId, title: concepts.title, prerequisites: concepts.prerequisites, lessonId: concepts.lessonId, position: concepts.position })
    .from(concepts)
    .orderBy(concepts.position)
    .all();

describe('installing concepts', () => {
  it('fills the concepts table, lessons.concepts and the course detail', () => {
    env.service.installer.installFiles(conceptCourse(), {});
    expect(conceptRows()).toEqual([
      { id: 'variables', title: 'Variables', prerequisites: [], lessonId: 'welcome', position: 0 },
      { id: 'arithmetic', title: 'Arithmetic', prerequisites: ['variables'], lessonId: null, position: 1 },
      { id: 'functions', title: 'Functions', prerequisites: ['variables', 'arithmetic'], lessonId: 'add-numbers', position: 2 },
    ]);
    const lessonConcepts = env.store.db.select({ id: lessons.lessonId, concepts: lessons.concepts }).from(lessons).orderBy(lessons.position).all();
    expect(lessonConcepts).toEqual([
      { id: 'welcome', concepts: ['variables'] },
      { id: 'add-numbers', concepts: ['functions', 'arithmetic'] },
      { id: 'check-yourself', concepts: ['variables'] },
    ]);
    const detail = env.service.getCourse('tiny-course')!;
    expect(detail.concepts).toEqual([
      { id: 'variables', title: 'Variables', prerequisites: [], lessonId: 'welcome' },
      { id: 'arithmetic', title: 'Arithmetic', prerequisites: ['variables'], lessonId: null },
      { id: 'functions', title: 'Functions', prerequisites: ['variables', 'arithmetic'], lessonId: 'add-numbers' },
    ]);
    expect(detail.modules[0]!.lessons.map((lesson) => lesson.concepts)).toEqual([['variables'], ['functions', 'arithmetic'], ['variables']]);
  });

  it('an upgrade replaces the concepts with the new version’s', () => {
    env.service.installer.installFiles(conceptCourse(), {});
    let next = edit(conceptCourse(), 'course.yaml', 'version: 1.0.0', 'version: 1.1.0');
    next = edit(next, 'course.yaml', '    title: Arithmetic\n', '    title: Sums and products\n');
    next = edit(next, 'lessons/basics/welcome.md', 'concepts: [variables]', 'concepts: []');
    expect(env.service.installer.installFiles(next, {})).toMatchObject({ outcome: 'upgraded' });
    expect(conceptRows().map((row) => row.title)).toEqual(['Variables', 'Sums and products', 'Functions']);
    expect(env.service.getCourse('tiny-course')!.modules[0]!.lessons[0]!.concepts).toEqual([]);
  });

  it('a .drona with bad concept references is refused, every problem named, nothing written', async () => {
    let files = edit(conceptCourse(), 'course.yaml', '    title: Variables\n', '    title: Variables\n    prerequisites: [functions]\n');
    files = edit(files, 'lessons/basics/welcome.md', 'concepts: [variables]', 'concepts: [variables, ../../etc]');
    files = edit(files, 'exercises/add/exercise.yaml', 'test_add: [arithmetic]', 'test_add: [arithmetic]\n  "os.system(1)": [functions]');
    const refused = env.service.installer.importPack(await packBundle(files, 'tiny-course', '1.0.0'));
    await expect(refused).rejects.toThrow(/concept prerequisites form a cycle: variables → functions → variables/);
    await expect(refused).rejects.toThrow(/lessons\/basics\/welcome\.md:8:\d+: "concepts\.1" must be kebab-case/);
    await expect(refused).rejects.toThrow(/"tests" maps "os\.system\(1\)", but no test of that name is in tests\//);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
    expect(env.store.sqlite.prepare('SELECT (SELECT count(*) FROM courses) AS courses, (SELECT count(*) FROM concepts) AS concepts, (SELECT count(*) FROM lessons) AS lessons').get()).toEqual({ courses: 0, concepts: 0, lessons: 0 });
  });
});
