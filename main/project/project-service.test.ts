// The Gold project service against a real store, a real project folder and the Project Guide on a
// local server speaking the Anthropic wire format: choosing a brief or one's own, milestones,
// a submission whose tests main runs (the sandbox is faked here; the e2e spec runs it for real),
// a person's review and the Project Guide's, each judged by the rubric rule into Gold evidence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../preload/contract/sandbox';
import { rubricCategories } from '../../common/rules/project-review';
import { certificateEvidence } from '../certificates/certificate-evidence';
import { openStore, type Store } from '../store/open-store';
import { AnthropicProvider } from '../tutor/providers/anthropic-provider';
import { startAnthropicTestServer, tokenChunks, type AnthropicTestServer } from '../tutor/testing/anthropic-test-server';
import type { ProjectGuide } from './project-guide';
import { ProjectService, type ProjectServiceDeps } from './project-service';
import { projectReviewEvidence } from './project-store';

let dir: string;
let store: Store;
let anthropic: AnthropicTestServer | undefined;
const checked: { files: string[]; tests: string[] }[] = [];

const briefs = `projects:
  - id: tracker
    title: Expense tracker
    goal: Totals expenses per category.
    milestones: [Read the CSV, Print the report]
`;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drona-project-'));
  fs.mkdirSync(path.join(dir, 'course'));
  fs.writeFileSync(path.join(dir, 'course', 'projects.yaml'), briefs);
  const project = path.join(dir, 'tracker');
  fs.mkdirSync(path.join(project, 'tests'), { recursive: true });
  fs.mkdirSync(path.join(project, 'node_modules'));
  fs.writeFileSync(path.join(project, 'tracker.py'), 'def total(xs):\n    return sum(xs)\n');
  fs.writeFileSync(path.join(project, 'tests', 'test_tracker.py'), 'from tracker import total\n\ndef test_total():\n    assert total([1, 2]) == 3\n');
  fs.writeFileSync(path.join(project, 'README.md'), '# Tracker\n');
  fs.writeFileSync(path.join(project, 'node_modules', 'junk.js'), 'skipped');
  store = openStore(path.join(dir, 'drona.db'));
  checked.length = 0;
});
afterEach(async () => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await anthropic?.close();
  anthropic = undefined;
});

const checkResult = (status: 'pass' | 'fail'): CheckResult => ({
  status,
  tests: [{ name: 'test_total', status, concepts: [], ...(status === 'fail' ? { message: 'assert 2 == 3' } : {}) }],
  durationMs: 5,
  driver: 'docker',
  run: { outcome: 'finished', exitCode: 0, durationMs: 5, stdout: '', stderr: '', truncated: false, diagnostics: [], driver: 'docker', message: 'Finished.' },
});

const deps = (overrides: Partial<ProjectServiceDeps> = {}): ProjectServiceDeps => ({
  now: () => 1_800_000_000_000,
  course: (courseId) => (courseId === 'py' ? { dir: path.join(dir, 'course'), title: 'Python', language: 'python' } : null),
  check: async (input, exercise) => {
    checked.push({ files: input.files.map((f) => f.path), tests: exercise.tests.map((f) => f.path) });
    return checkResult('pass');
  },
  guide: () => null,
  warn: () => undefined,
  ...overrides,
});

/** The Project Guide on the real Anthropic SDK client, talking to the local wire-format server. */
async function guideOnTestServer(): Promise<ProjectGuide> {
  anthropic = await startAnthropicTestServer();
  const provider = new AnthropicProvider({ apiKey: anthropic.apiKey, baseURL: anthropic.url });
  return ({ system, messages }) =>
    provider.chat({ model: 'claude-test', system, messages, maxTokens: 1500, signal: AbortSignal.timeout(10_000) }, () => undefined);
}

const scores = (score: number) => Object.fromEntries(rubricCategories.map((c) => [c, { score, reasons: [`${c} reason`] }])) as never;

describe('ProjectService', () => {
  it('takes on a brief, ticks a milestone, submits, and keeps it for a person whose scores decide Gold', async () => {
    const service = new ProjectService(store, deps());
    let overview = service.choose({ courseId: 'py', briefId: 'tracker' });
    expect(overview.briefs.map((b) => [b.id, b.language])).toEqual([['tracker', 'python']]);
    expect(overview.projectGuide).toBe(false);
    const projectId = overview.project!.projectId;
    overview = service.milestone(projectId, 1, true);
    expect(overview.project!.milestones).toEqual([
      { title: 'Read the CSV', done: false },
      { title: 'Print the report', done: true },
    ]);
    const stages: string[] = [];
    overview = await service.submit({ projectId, folder: path.join(dir, 'tracker'), demoUrl: 'https://example.org/demo' }, 's1', (stage) => stages.push(stage));
    expect(stages).toEqual(['reading', 'testing', 'done']);
    // Main read the folder: tests by pytest's names (flattened for the harness), tool folders skipped.
    expect(checked).toEqual([{ files: ['README.md', 'tracker.py'], tests: ['test_tracker.py'] }]);
    const [submission] = overview.submissions;
    expect(submission).toMatchObject({ status: 'awaiting-review', automated: { testsPassed: true, testCount: 1, readme: true }, review: null });
    expect(certificateEvidence(store, 'py').review).toBeNull();

    overview = service.recordReview(submission!.submissionId, 'Ms Rao', scores(80));
    expect(overview.submissions[0]!.review).toMatchObject({ reviewer: { kind: 'person', name: 'Ms Rao' }, overall: 80, accepted: true, exceptional: false });
    expect(certificateEvidence(store, 'py').review).toMatchObject({ score: 80, accepted: true, projectUrl: 'https://example.org/demo' });
  });

  it('never accepts a project whose tests fail, whatever the scores; a later accepted review counts', async () => {
    let result: CheckResult = checkResult('fail');
    const service = new ProjectService(store, deps({ check: async () => result }));
    const { projectId } = service.choose({ courseId: 'py', own: { title: 'My CLI', goal: 'Mine.', milestones: ['Build it'] } }).project!;
    let overview = await service.submit({ projectId, folder: path.join(dir, 'tracker') }, 's1', () => undefined);
    overview = service.recordReview(overview.submissions[0]!.submissionId, 'Ms Rao', scores(95));
    expect(overview.submissions[0]!.review).toMatchObject({ accepted: false, exceptional: false, blockers: ["The project's tests do not pass."] });
    expect(overview.submissions[0]!.tests).toEqual([{ name: 'test_total', status: 'fail', message: 'assert 2 == 3' }]);
    expect(certificateEvidence(store, 'py').review).toMatchObject({ accepted: false });
    result = checkResult('pass');
    overview = await service.submit({ projectId, folder: path.join(dir, 'tracker') }, 's1', () => undefined);
    service.recordReview(overview.submissions[0]!.submissionId, 'Ms Rao', scores(95));
    expect(certificateEvidence(store, 'py').review).toMatchObject({ accepted: true, score: 95 });
  });

  it('has the Project Guide draft the rubric review over the Anthropic wire format; exceptional at 90%+', async () => {
    const guide = await guideOnTestServer();
    const reply = `Here is my review: ${JSON.stringify(scores(92))}`;
    anthropic!.enqueue({ kind: 'stream', chunks: tokenChunks(reply) });
    const service = new ProjectService(store, deps({ guide: () => guide }));
    const { projectId } = service.choose({ courseId: 'py', briefId: 'tracker' }).project!;
    const stages: string[] = [];
    const overview = await service.submit({ projectId, folder: path.join(dir, 'tracker') }, 's1', (stage) => stages.push(stage));
    expect(stages).toEqual(['reading', 'testing', 'reviewing', 'done']);
    expect(overview.submissions[0]!.review).toMatchObject({ reviewer: { kind: 'project-guide' }, overall: 92, accepted: true, exceptional: true });
    const sent = JSON.stringify(anthropic!.requests[0]!.body);
    expect(sent).toContain('Role: Project Guide (rubric review)');
    expect(sent).toContain('tracker.py');
    expect(sent).toContain('def total(xs)');
    expect(certificateEvidence(store, 'py').review).toMatchObject({ accepted: true, score: 92 });
    expect(projectReviewEvidence(store, 'py')).toMatchObject({ accepted: true, exceptional: true });
  });

  it('keeps the submission for a person when the guide does not answer with a rubric', async () => {
    const guide = await guideOnTestServer();
    anthropic!.enqueue(
      { kind: 'stream', chunks: tokenChunks('Looks great to me!') },
      { kind: 'stream', chunks: tokenChunks('{"codeQuality": {"score": 90}}') },
    );
    const warnings: string[] = [];
    const service = new ProjectService(store, deps({ guide: () => guide, warn: (m) => warnings.push(m) }));
    const { projectId } = service.choose({ courseId: 'py', briefId: 'tracker' }).project!;
    const overview = await service.submit({ projectId, folder: path.join(dir, 'tracker') }, 's1', () => undefined);
    expect(overview.submissions[0]).toMatchObject({ status: 'awaiting-review', review: null });
    expect(warnings[0]).toMatch(/did not answer with a complete rubric/);
    await expect(service.draftReview(overview.submissions[0]!.submissionId)).rejects.toMatchObject({ code: 'review_failed' });
  });

  it('refuses a relative path, a missing folder, a folder without tests and an unknown brief, submitting nothing', async () => {
    const service = new ProjectService(store, deps());
    const { projectId } = service.choose({ courseId: 'py', briefId: 'tracker' }).project!;
    await expect(service.submit({ projectId, folder: 'tracker' }, 's1', () => undefined)).rejects.toThrow(/not a full path/);
    await expect(service.submit({ projectId, folder: path.join(dir, 'nope') }, 's1', () => undefined)).rejects.toThrow(/There is no folder/);
    fs.rmSync(path.join(dir, 'tracker', 'tests'), { recursive: true });
    await expect(service.submit({ projectId, folder: path.join(dir, 'tracker') }, 's1', () => undefined)).rejects.toThrow(/has no tests: add pytest files/);
    expect(() => service.choose({ courseId: 'py', briefId: 'nope' })).toThrow(/has no project brief "nope"/);
    expect(service.overview('py').submissions).toEqual([]);
  });
});
