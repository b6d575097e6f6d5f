import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

type SyncCallName =
  | 'sync.status'
  | 'sync.configure'
  | 'sync.signIn'
  | 'sync.signOut'
  | 'sync.setOptIn'
  | 'sync.syncNow'
  | 'leaderboard.get'
  | 'certificates.overview'
  | 'certificates.request'
  | 'certificates.verify'
  | 'certificates.exportPdf';

export function syncHandlers(services: ServicesAccess): Pick<Handlers, SyncCallName> {
  return {
    'sync.status': () => services().sync.status(),
    'sync.configure': (input) => services().sync.configure(input.serverUrl),
    'sync.signIn': (input) => services().sync.signIn(input),
    'sync.signOut': () => services().sync.signOut(),
    'sync.setOptIn': (input) => services().sync.setOptIn(input.optedIn),
    'sync.syncNow': () => services().sync.syncNow(),
    'leaderboard.get': (input) => services().sync.leaderboard(input.board, input.courseId),
    'certificates.overview': () => services().sync.certificatesOverview(),
    'certificates.request': (input) => services().sync.requestCertificate(input.courseId, input.tier),
    'certificates.verify': (input) => services().sync.verifyCertificate(input.id),
    'certificates.exportPdf': (input) => services().sync.exportPdf(input.id),
  };
}
