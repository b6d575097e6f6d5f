// The layer rule in eslint.config.js, fed through ESLint's own API: each forbidden import is
// refused with the rule's message, and the imports the layers allow pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
const RULE = '@typescript-eslint/no-restricted-imports';

/** The layer-rule messages ESLint reports for `code` placed at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = value;\n`, { filePath: path.join(root, file) });
  return result!.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

const forbidden: [file: string, code: string, says: RegExp][] = [
  ['main/sync/outbox-drain.ts', "import { value } from '../../server/start';", /main\/ may not import server\//],
  ['main/sync/api-client.ts', "import type { value } from '../../server/db/schema';", /main\/ may not import server\//],
  ['main/progress/dashboard.ts', "export { value } from '../../server/leaderboards';", /main\/ may not import server\//],
  ['server/app.ts', "import { value } from '../main/progress/levels';", /server\/ may not import the app/],
  ['server/db/database.ts', "import { value } from '../../preload/contract';", /server\/ may not import the app/],
  ['server/ingest.ts', "import { value } from '../renderer/src/main';", /server\/ may not import the app/],
  ['common/rules/calendar.ts', "import { value } from '../../main/progress/levels';", /common\/ is shared/],
  ['common/rules/calendar.ts', "import { value } from '../../server/ingest';", /common\/ is shared/],
  ['common/sync-api/schemas.ts', "import { value } from '../../preload/contract/errors';", /common\/ is shared/],
  ['common/errors.ts', "import { value } from '../renderer/src/main';", /common\/ is shared/],
];

describe('layer lint', { timeout: 60_000 }, () => {
  it.each(forbidden)('%s refuses %s', async (file, code, says) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(says);
  });

  it('allows imports of common/ from every side, and the command that starts the server', async () => {
    expect(await layerErrors('main/sync/outbox-drain.ts', "import { value } from '../../common/sync-api/schemas';")).toEqual([]);
    expect(await layerErrors('server/ingest.ts', "import { value } from '../common/rules/completion-rules';")).toEqual([]);
    expect(await layerErrors('preload/contract/progress.ts', "import { value } from '../../common/rules/event-kinds';")).toEqual([]);
    expect(await layerErrors('main/cli/commands/server.ts', "import { value } from '../../../server/start';")).toEqual([]);
  });

  it('allows a test in main/ to start a real hosted API', async () => {
    expect(await layerErrors('main/sync/sync-service.test.ts', "import { value } from '../../server/start';")).toEqual([]);
  });
});
