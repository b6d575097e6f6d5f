// Every built-in course teaches with every lesson type, each with its authored steps and follow-ups.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleDir } from './bundle/bundle-files';
import { loadBundle } from './bundle/course-bundle';
import { builtinCourseIds, knownBuiltinCourses } from './testing/builtin-courses';

describe.each(builtinCourseIds())('%s', (courseId) => {
  it('has a lesson of every type, with the blocks each type teaches through', () => {
    const { course } = loadBundle(readBundleDir(path.join(import.meta.dirname, '../../courses', courseId)).files, knownBuiltinCourses());
    const lessons = course!.lessons.map((lesson) => lesson.meta);
    expect([...new Set(lessons.map((lesson) => lesson.type))]).toEqual(expect.arrayContaining(['concept', 'guided', 'code-along', 'practice', 'challenge', 'quiz', 'project', 'reflection']));
    expect(lessons.filter((lesson) => lesson.type === 'project').every((lesson) => (lesson.project?.milestones.length ?? 0) >= 2)).toBe(true);
    expect(lessons.some((lesson) => lesson.guided?.steps.some((step) => step.kind === 'check'))).toBe(true);
    expect(lessons.some((lesson) => lesson.codeAlong)).toBe(true);
    expect(lessons.filter((lesson) => lesson.type === 'challenge').every((lesson) => lesson.challenge)).toBe(true);
    expect(lessons.filter((lesson) => lesson.type === 'reflection').every((lesson) => lesson.reflection?.followUp)).toBe(true);
    expect(lessons.some((lesson) => lesson.checks?.length)).toBe(true);
  });
});
