import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

type TerminalCalls = 'terminal.create' | 'terminal.write' | 'terminal.resize' | 'terminal.ack' | 'terminal.kill';

export function terminalHandlers(services: ServicesAccess, dataDir: string): Pick<Handlers, TerminalCalls> {
  const terminal = () => services().terminal;
  return {
    'terminal.create': ({ courseId, lessonId, cols, rows }, ctx) => {
      // The lesson's workspace when it has one; otherwise the folder that holds every workspace.
      let cwd = path.join(dataDir, 'workspaces');
      if (courseId && lessonId) {
        const root = services().workspace.rootOf(courseId, lessonId);
        if (fs.existsSync(root)) cwd = root;
      }
      fs.mkdirSync(cwd, { recursive: true });
      const created = terminal().create(ctx.sessionId, { cwd, cols, rows });
      return { ...created, cwd };
    },
    'terminal.write': ({ id, data }, ctx) => {
      terminal().write(ctx.sessionId, id, data);
      return {};
    },
    'terminal.resize': ({ id, cols, rows }, ctx) => {
      terminal().resize(ctx.sessionId, id, cols, rows);
      return {};
    },
    'terminal.ack': ({ id, chars }, ctx) => {
      terminal().acknowledge(ctx.sessionId, id, chars);
      return {};
    },
    'terminal.kill': ({ id }, ctx) => {
      terminal().kill(ctx.sessionId, id);
      return {};
    },
  };
}
