import type { syncCalls } from '../../preload/contract/sync';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function syncHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof syncCalls> {
  return {
    'sync.status': () => services().sync.status(),
    'sync.configure': (input) => services().sync.configure(input.serverUrl),
    'sync.signIn': (input) => services().sync.signIn(input),
    'sync.signInToAccount': ({ deviceName, ...credentials }) => services().sync.signInToAccount(credentials, deviceName),
    'sync.linkCode': () => services().sync.linkCode(),
    'sync.restore': () => services().sync.restore(),
    'sync.signOut': () => services().sync.signOut(),
    'sync.setOptIn': (input) => services().sync.setOptIn(input.optedIn),
    'sync.syncNow': () => services().sync.syncNow(),
  };
}
