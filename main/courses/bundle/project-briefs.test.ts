// projects.yaml in the course format: the briefs load, and each rule reports its line and column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type BundleFiles } from './bundle-files';
import { loadBundle } from './course-bundle';
import { readProjectBriefs } from './project-briefs';
import { conceptCourse, editBundle as edit } from '../testing/concept-course';

const briefs = `projects:
  - id: calculator
    title: Calculator
    goal: A calculator with tests.
    milestones: [Add numbers, Write tests]
    concepts: [arithmetic]
  - id: notes
    title: Notes
    goal: A notes tool.
    milestones: [Save a note]
`;
const withBriefs = (text = briefs): BundleFiles => {
  const files = conceptCourse();
  files.set('projects.yaml', Buffer.from(text));
  return files;
};
const problems = (files: BundleFiles) => loadBundle(files).problems.map(formatProblem);

describe('projects.yaml', () => {
  it('a course with briefs validates, and the installed file reads back with defaults', () => {
    expect(problems(withBriefs())).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-briefs-'));
    fs.writeFileSync(path.join(dir, 'projects.yaml'), briefs);
    expect(readProjectBriefs(dir).map((brief) => [brief.id, brief.milestones.length, brief.concepts])).toEqual([
      ['calculator', 2, ['arithmetic']],
      ['notes', 1, []],
    ]);
    fs.rmSync(dir, { recursive: true });
  });

  it('a course without projects.yaml has no briefs', () => {
    expect(readProjectBriefs(os.tmpdir() + '/no-such-course')).toEqual([]);
  });

  it('names a duplicate id, an unknown concept and a language the course does not teach', () => {
    expect(problems(edit(withBriefs(), 'projects.yaml', 'id: notes', 'id: calculator'))).toEqual([
      expect.stringMatching(/^projects\.yaml:7:9: project brief id "calculator" is used twice/),
    ]);
    expect(problems(edit(withBriefs(), 'projects.yaml', '[arithmetic]', '[arithmetik]'))).toEqual([
      expect.stringMatching(/^projects\.yaml:6:16: project brief "calculator" names concept "arithmetik", which course\.yaml does not declare/),
    ]);
    expect(problems(edit(withBriefs(), 'projects.yaml', 'title: Notes', 'title: Notes\n    language: javascript'))).toEqual([
      expect.stringMatching(/^projects\.yaml:9:15: project brief "notes" uses javascript, which course\.yaml does not list/),
    ]);
  });

  it('refuses a brief without milestones and an unknown key', () => {
    expect(problems(edit(withBriefs(), 'projects.yaml', 'milestones: [Save a note]', 'milestones: []')).join('\n')).toMatch(/projects\.yaml:\d+:\d+: "projects\.1\.milestones"/);
    expect(problems(edit(withBriefs(), 'projects.yaml', 'title: Notes', 'title: Notes\n    deadline: soon')).join('\n')).toMatch(/projects\.yaml:\d+:\d+:.*deadline/);
  });
});
