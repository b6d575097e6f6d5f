// The attack: a bundle ships a .git folder whose config runs a command (core.fsmonitor) the
// moment the learner types `git status` in the lesson's terminal. Folder import, .drona import
// and upgrade must refuse it and write nothing; a real git in whatever workspace exists runs nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService, type StarterFile } from '../../workspace/workspace-service';
import type { BundleFiles } from '../bundle/bundle-files';
import { packBundle } from '../bundle/course-pack';
import { tinyCourse as fixture, useTempCourseService } from '../testing/temp-course-service';

let marker: string;
let workspaces: WorkspaceService;

const env = useTempCourseService('drona-toolconfig-');
beforeEach(() => {
  marker = path.join(env.dataDir, 'PWNED');
  workspaces = new WorkspaceService(env.store, env.dataDir, async (courseId, lessonId) => (await env.service.getExercise(courseId, lessonId))?.files ?? null);
});

afterEach(async () => {
  await workspaces.close();
});

/** A minimal repository whose config runs `touch <marker>` on every `git status`. */
const gitPayload = (prefix: string): [string, Buffer][] => [
  [`${prefix}.git/HEAD`, Buffer.from('ref: refs/heads/main\n')],
  [`${prefix}.git/config`, Buffer.from(`[core]\n\trepositoryformatversion = 0\n\tfsmonitor = touch ${marker}\n`)],
  [`${prefix}.git/objects/info/keep`, Buffer.from('')],
  [`${prefix}.git/refs/heads/keep`, Buffer.from('')],
  [`${prefix}.git/hooks/pre-commit`, Buffer.from(`#!/bin/sh\ntouch ${marker}\n`)],
];
const gitFiles = ['.git/HEAD', '.git/config', '.git/objects/info/keep', '.git/refs/heads/keep', '.git/hooks/pre-commit'];

/** The fixture with `extra` files in starter/ and solution/, declared as hidden exercise files so they would reach the workspace. */
function hostile(version = '1.0.0', extra: [string, string][] = []): BundleFiles {
  const files = fixture();
  const declared = [...gitFiles, ...extra.map(([name]) => name)];
  for (const variant of ['starter', 'solution']) {
    for (const [name, content] of gitPayload(`exercises/add/${variant}/`)) files.set(name, content);
    for (const [name, content] of extra) files.set(`exercises/add/${variant}/${name}`, Buffer.from(content));
  }
  for (const [name, content] of gitPayload('')) files.set(name, content);
  files.set('exercises/add/exercise.yaml', Buffer.from(files.get('exercises/add/exercise.yaml')!.toString('utf8').replace('hidden: []', `hidden: [${declared.map((name) => JSON.stringify(name)).join(', ')}]`)));
  files.set('course.yaml', Buffer.from(files.get('course.yaml')!.toString('utf8').replace('version: 1.0.0', `version: ${version}`)));
  return files;
}

/** Opens the lesson's workspace when the course is installed and runs a real `git status` there. */
async function gitStatusInWorkspace(): Promise<void> {
  if (!(await env.service.getExercise('tiny-course', 'add-numbers'))) return;
  const { root } = await workspaces.open('tiny-course', 'add-numbers');
  spawnSync('git', ['status'], { cwd: root, env: { ...process.env, GIT_CEILING_DIRECTORIES: env.dataDir }, stdio: 'ignore' });
}

async function expectRefusedAndHarmless(attempt: Promise<unknown>, message: RegExp) {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught as Error,
  );
  await gitStatusInWorkspace();
  expect(fs.existsSync(marker)).toBe(false);
  expect(error?.message).toMatch(message);
}

const refusal = /exercises\/add\/solution\/\.git\/HEAD: "\.git" is a hidden file or folder; bundles may not carry version-control, editor or tool configuration/;

describe('bundles carrying tool configuration', () => {
  it('the payload is real: git runs core.fsmonitor in a folder holding it (the control)', () => {
    const dir = path.join(env.dataDir, 'control');
    for (const [name, content] of gitPayload('')) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    spawnSync('git', ['status'], { cwd: dir, env: { ...process.env, GIT_CEILING_DIRECTORIES: env.dataDir }, stdio: 'ignore' });
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('.drona import is refused and writes nothing', async () => {
    await expectRefusedAndHarmless(env.service.installer.importPack(await packBundle(hostile(), 'tiny-course', '1.0.0')), refusal);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
    expect(env.store.sqlite.prepare('SELECT count(*) AS n FROM courses').get()).toEqual({ n: 0 });
  });

  it('folder import is refused and writes nothing', async () => {
    const folder = path.join(env.dataDir, 'incoming');
    for (const [name, content] of hostile()) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), content);
    }
    await expectRefusedAndHarmless(env.service.installer.importPath(folder), /^(?=[\s\S]*^\.git\/: "\.git" is a hidden file or folder)(?=[\s\S]*^exercises\/add\/starter\/\.git\/: "\.git" is a hidden file)/m);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
    expect(env.store.sqlite.prepare('SELECT count(*) AS n FROM courses').get()).toEqual({ n: 0 });
  });

  it('an upgrade is refused and leaves the installed version as it was', async () => {
    await env.service.installer.importPack(await packBundle(fixture(), 'tiny-course', '1.0.0'));
    await expectRefusedAndHarmless(env.service.installer.importPack(await packBundle(hostile('1.1.0'), 'tiny-course', '1.1.0')), refusal);
    expect(env.service.listCourses().map((course) => course.version)).toEqual(['1.0.0']);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual(['tiny-course']);
    expect(fs.existsSync(path.join(env.dataDir, 'courses', 'tiny-course', '.git'))).toBe(false);
    expect(fs.existsSync(path.join(env.dataDir, 'courses', 'tiny-course', 'exercises', 'add', 'starter', '.git'))).toBe(false);
  });

  it.each([
    ['sitecustomize.py', 'import os\nos.system("touch PWNED")\n', /"sitecustomize\.py" is configuration that Python, npm, Node or an editor loads by itself/],
    ['.vscode/tasks.json', '{"version":"2.0.0","tasks":[{"label":"x","command":"touch PWNED","runOptions":{"runOn":"folderOpen"}}]}', /"\.vscode" is a hidden file or folder/],
    ['.npmrc', 'script-shell=/tmp/evil\n', /"\.npmrc" is a hidden file or folder/],
    ['.env', 'NODE_OPTIONS=--require ./evil.js\n', /"\.env" is a hidden file or folder/],
    ['package.json', '{"scripts":{"test":"touch PWNED"}}', /"package\.json" is configuration/],
    ['conftest.py', 'import os\n', /"conftest\.py" is loaded by pytest by itself/],
    ['lib.pth', 'import os\n', /\.pth files are not allowed in an exercise/],
    ['node_modules/x/index.js', 'module.exports = 1\n', /"node_modules" is a generated folder/],
  ])('starter/%s is refused', async (name, content, message) => {
    await expectRefusedAndHarmless(env.service.installer.importPack(await packBundle(hostile('1.0.0', [[name, content]]), 'tiny-course', '1.0.0')), message);
    expect(fs.readdirSync(path.join(env.dataDir, 'courses'))).toEqual([]);
  });

  it('the workspace writer skips such files even when a course hands them over (installed before the rule)', async () => {
    const payload: StarterFile[] = [
      { path: 'main.py', content: 'print(1)\n', role: 'editable' },
      ...gitPayload('').map(([name, content]): StarterFile => ({ path: name, content: content.toString('utf8'), role: 'hidden' })),
      { path: 'sitecustomize.py', content: 'import os\n', role: 'hidden' },
      { path: '.vscode/tasks.json', content: '{}', role: 'readOnly' },
    ];
    await workspaces.close();
    workspaces = new WorkspaceService(env.store, env.dataDir, async () => payload);
    const workspace = await workspaces.open('old-course', 'lesson');
    expect(workspace.files.map((file) => file.path)).toEqual(['main.py']);
    spawnSync('git', ['status'], { cwd: workspace.root, env: { ...process.env, GIT_CEILING_DIRECTORIES: env.dataDir }, stdio: 'ignore' });
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.readdirSync(workspace.root)).toEqual(['main.py']);
  });
});

describe('a course installed before the allow-list', () => {
  it('hands out neither declared tool files nor hidden tests', async () => {
    await env.service.installer.importPack(await packBundle(fixture(), 'tiny-course', '1.0.0'));
    // What an older app would have installed from the hostile bundle, written in place.
    const installed = path.join(env.dataDir, 'courses', 'tiny-course', 'exercises', 'add');
    for (const [name, content] of [...gitPayload('starter/'), ...gitPayload('solution/'), ...gitPayload('tests/')]) {
      fs.mkdirSync(path.dirname(path.join(installed, name)), { recursive: true });
      fs.writeFileSync(path.join(installed, name), content);
    }
    const spec = path.join(installed, 'exercise.yaml');
    fs.writeFileSync(spec, fs.readFileSync(spec, 'utf8').replace('hidden: []', `hidden: [${gitFiles.map((name) => JSON.stringify(name)).join(', ')}]`));
    const exercise = (await env.service.getExercise('tiny-course', 'add-numbers'))!;
    expect(exercise.files.map((file) => file.path)).toEqual(['main.py']);
    expect(exercise.solution.map((file) => file.path)).toEqual(['main.py']);
    expect(exercise.tests.map((file) => file.path)).toEqual(['test_main.py']);
    await gitStatusInWorkspace();
    expect(fs.existsSync(marker)).toBe(false);
  });
});
