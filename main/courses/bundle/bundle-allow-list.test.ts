// The bundle allow-list as a rule: every built-in course passes, every listed hostile shape is
// refused, and properties over generated paths hold (hidden anywhere → refused, the folder rule
// agrees with the file rule, case does not get around a name).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundlePathProblems, bundlePathRefusal, folderRefusal, workspaceFileRefusal } from './bundle-allow-list';
import { readBundleDir } from './bundle-files';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

describe('bundle allow-list', () => {
  it('admits every file of the built-in courses and the fixtures', () => {
    const dirs = [path.join(here, '..', 'fixtures', 'tiny-course'), ...fs.readdirSync(path.join(root, 'courses')).map((name) => path.join(root, 'courses', name))].filter((dir) =>
      fs.existsSync(path.join(dir, 'course.yaml')),
    );
    expect(dirs.length).toBeGreaterThanOrEqual(3);
    for (const dir of dirs) {
      const read = readBundleDir(dir);
      expect(read.problems).toEqual([]);
      expect(bundlePathProblems(read.files.keys())).toEqual([]);
    }
  });

  it.each([
    'course.yaml',
    'README.md',
    'LICENSE.txt',
    'lessons/basics/01-hello.md',
    'images/box.svg',
    'lessons/basics/diagram.PNG',
    'exercises/add/exercise.yaml',
    'exercises/add/starter/main.py',
    'exercises/add/starter/__init__.py',
    'exercises/add/starter/data/words.txt',
    'exercises/add/solution/main.js',
    'exercises/add/tests/test_main.py',
    'exercises/add/tests/conftest.py',
    'exercises/add/tests/main.test.mjs',
    'exercises/add/starter/scores.csv',
    'exercises/add/starter/people.json',
    'support/outcomes.js',
    'support/shapes.py',
    'support/rows.csv',
  ])('admits %s', (file) => {
    expect(bundlePathRefusal(file)).toBeNull();
  });

  it.each([
    ['.git/config', /"\.git" is a hidden file or folder/],
    ['exercises/x/starter/.git/config', /"\.git" is a hidden/],
    ['exercises/x/starter/.git/hooks/pre-commit', /"\.git" is a hidden/],
    ['exercises/x/starter/.hg/hgrc', /"\.hg" is a hidden/],
    ['exercises/x/starter/.svn/entries', /"\.svn" is a hidden/],
    ['exercises/x/starter/.vscode/tasks.json', /"\.vscode" is a hidden/],
    ['exercises/x/starter/.idea/workspace.xml', /"\.idea" is a hidden/],
    ['exercises/x/starter/.npmrc', /"\.npmrc" is a hidden/],
    ['exercises/x/starter/.pythonrc', /"\.pythonrc" is a hidden/],
    ['exercises/x/starter/.env', /"\.env" is a hidden/],
    ['exercises/x/starter/.envrc', /"\.envrc" is a hidden/],
    ['exercises/x/starter/.bashrc', /"\.bashrc" is a hidden/],
    ['exercises/x/starter/.profile', /"\.profile" is a hidden/],
    ['exercises/x/starter/.editorconfig', /"\.editorconfig" is a hidden/],
    ['exercises/x/starter/.gitattributes', /"\.gitattributes" is a hidden/],
    ['lessons/.DS_Store', /"\.DS_Store" is a hidden/],
    ['exercises/x/starter/sitecustomize.py', /"sitecustomize\.py" is configuration/],
    ['exercises/x/tests/usercustomize.py', /"usercustomize\.py" is configuration/],
    ['exercises/x/starter/SiteCustomize.PY', /"SiteCustomize\.PY" is configuration/],
    ['exercises/x/starter/setup.py', /"setup\.py" is configuration/],
    ['exercises/x/starter/package.json', /"package\.json" is configuration/],
    ['exercises/x/starter/tsconfig.json', /"tsconfig\.json" is configuration/],
    ['exercises/x/starter/eslint.config.mjs', /"eslint\.config\.mjs" is configuration/],
    ['exercises/x/starter/conftest.py', /"conftest\.py" is loaded by pytest by itself/],
    ['exercises/x/solution/conftest.py', /"conftest\.py" is loaded by pytest/],
    ['exercises/x/starter/evil.pth', /\.pth files are not allowed in an exercise/],
    ['exercises/x/starter/Makefile', /files without an extension are not allowed in an exercise/],
    ['exercises/x/starter/run.sh', /\.sh files are not allowed/],
    ['exercises/x/starter/pytest.ini', /\.ini files are not allowed/],
    ['exercises/x/starter/pyproject.toml', /\.toml files are not allowed/],
    ['exercises/x/starter/lib.pyc', /\.pyc files are not allowed/],
    ['exercises/x/starter/__pycache__/main.cpython-312.pyc', /"__pycache__" is a generated folder/],
    ['exercises/x/starter/node_modules/x/index.js', /"node_modules" is a generated folder/],
    ['exercises/x/notes.md', /an exercise folder holds only exercise\.yaml, starter\/, solution\/ and tests\//],
    ['exercises/x/build/main.py', /an exercise folder holds only/],
    ['exercises/exercise.yaml', /an exercise folder holds only/],
    ['support/helpers/outcomes.js', /support\/ holds files, not folders/],
    ['support/conftest.py', /"conftest\.py" is loaded by pytest by itself/],
    ['support/diagram.png', /\.png files are not allowed in support\//],
    ['setup.py', /"setup\.py" is configuration/],
    ['Makefile', /files without an extension are not allowed outside exercises\//],
    ['lessons/evil.py', /\.py files are not allowed outside exercises\//],
    ['lessons/page.html', /\.html files are not allowed outside exercises\//],
    ['other.yaml', /\.yaml files are not allowed outside/],
    ['exercises/x/starter/GIT~1/config', /uses characters other than/],
    ['exercises/x/starter/main.py.', /uses characters other than/],
    ['exercises/x/starter/my file.py', /uses characters other than/],
    ['exercises/x/starter/a..py', /uses characters other than/],
    ['exercises/x/starter/main.py:stream', /uses characters other than/],
    ['exercises/x/starter/CON.py', /device name on Windows/],
    ['exercises/x/starter/nul', /device name on Windows/],
    [`lessons/${'a'.repeat(101)}.md`, /longer than 100 characters/],
    [`lessons/${'a/'.repeat(100)}x.md`, /the path is longer than 200 characters/],
  ])('refuses %s', (file, message) => {
    expect(bundlePathRefusal(file)?.message).toMatch(message);
  });

  it('refuses names that differ only in case', () => {
    expect(bundlePathProblems(['exercises/x/starter/Main.py', 'exercises/x/starter/main.py']).map((p) => p.message)).toEqual([
      '"exercises/x/starter/main.py" and "exercises/x/starter/Main.py" differ only in upper/lower case',
    ]);
  });

  it('the workspace rule is the starter rule', () => {
    expect(workspaceFileRefusal('main.py')).toBeNull();
    expect(workspaceFileRefusal('data/words.txt')).toBeNull();
    for (const file of ['.git/config', '.vscode/settings.json', 'sitecustomize.py', 'conftest.py', 'package.json', 'x.pth']) expect(workspaceFileRefusal(file)).not.toBeNull();
  });

  const safeSegment = fc.stringMatching(/^[a-z0-9_][a-z0-9_-]{0,12}$/);
  const anySegment = fc.oneof(safeSegment, fc.string({ maxLength: 12 }), fc.constantFrom('.git', '.vscode', '..', '.', '', 'node_modules', '~', 'a b'));
  const anyPath = fc.array(anySegment, { minLength: 1, maxLength: 6 }).map((segments) => segments.join('/'));

  it('property: a hidden segment anywhere is refused', () => {
    fc.assert(
      fc.property(fc.array(anySegment, { maxLength: 4 }), safeSegment, fc.array(anySegment, { maxLength: 4 }), (before, hidden, after) => {
        expect(bundlePathRefusal([...before, `.${hidden}`, ...after].join('/'))).not.toBeNull();
      }),
    );
  });

  it('property: a file the rule admits sits in folders the folder rule admits (reading a folder never prunes allowed files)', () => {
    fc.assert(
      fc.property(anyPath, (file) => {
        if (bundlePathRefusal(file) !== null) return;
        const segments = file.split('/');
        for (let i = 1; i < segments.length; i++) expect(folderRefusal(segments.slice(0, i).join('/'))).toBeNull();
      }),
    );
  });

  it('property: safe names in the documented places are admitted, in any case', () => {
    const place = fc.oneof(
      fc.tuple(fc.array(safeSegment, { maxLength: 3 }), safeSegment, fc.constantFrom('md', 'txt', 'png', 'svg')).map(([dirs, name, ext]) => [...dirs, `${name}.${ext}`].join('/')),
      fc
        .tuple(safeSegment, fc.constantFrom('starter', 'solution', 'tests'), fc.array(safeSegment, { maxLength: 3 }), safeSegment, fc.constantFrom('py', 'js', 'mjs', 'json', 'csv', 'txt', 'md'))
        .map(([id, part, dirs, name, ext]) => ['exercises', id, part, ...dirs, `${name}.${ext}`].join('/')),
    );
    fc.assert(
      fc.property(place, (file) => {
        const name = file.split('/').at(-1)!;
        fc.pre(!/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])\./.test(name) && !['setup.py', 'package.json', 'conftest.py', 'tsconfig.json', 'jsconfig.json', 'deno.json', 'nodemon.json', 'sitecustomize.py', 'usercustomize.py'].includes(name));
        const [first, , part] = file.split('/');
        // A content file whose first folder happens to be called "exercises" is held to the exercise rule.
        fc.pre(first !== 'exercises' || ['starter', 'solution', 'tests'].includes(part ?? ''));
        // Likewise one under a first folder called "support" is held to the support rule.
        fc.pre(first !== 'support');
        expect(bundlePathRefusal(file)).toBeNull();
      }),
    );
  });

  it('property: total on any string (never throws, every refusal says why and how to fix it)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (file) => {
        const refused = bundlePathRefusal(file);
        if (refused) expect(refused.message.length * refused.hint.length).toBeGreaterThan(0);
      }),
    );
  });
});
