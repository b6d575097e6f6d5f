// visualize.* calls: each forwards to the visualiser (visualizer.ts).
import type { visualizeCalls } from '../../preload/contract/visualize';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function visualizeHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof visualizeCalls> {
  return {
    'visualize.trace': (input) => services().visualizer.trace(input),
  };
}
