import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';
import type { terminalCalls } from '../../preload/contract/terminal';

export function terminalHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof terminalCalls> {
  const terminal = () => services().terminal;
  return {
    'terminal.create': ({ courseId, lessonId, cols, rows }, ctx) => terminal().open(ctx.sessionId, { courseId, lessonId, cols, rows }),
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
