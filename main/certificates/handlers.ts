import type { certificatesCalls } from '../../preload/contract/certificates';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function certificatesHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof certificatesCalls> {
  return {
    'certificates.overview': () => services().certificates.overview(),
    'certificates.request': (input) => services().certificates.request(input.courseId, input.tier),
    'certificates.selfIssue': (input) => services().certificates.selfIssue(input.courseId, input.tier),
    'certificates.verify': (input) => services().certificates.verify(input.id),
    'certificates.verifyCredential': (input) => services().certificates.verifyCredential(input.text),
    'certificates.exportPdf': (input) => services().certificates.exportPdf(input.id),
    'certificates.exportCredential': (input) => services().certificates.exportCredential(input.id),
  };
}
