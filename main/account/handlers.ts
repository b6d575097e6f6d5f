import type { accountCalls } from '../../preload/contract/account';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import { CohortService } from '../cohorts/cohort-service';
import { AccountService } from './account-service';

// Both services keep no state of their own (the account is sync's, consents live in the store),
// so each call builds them over the running services.
export function accountHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof accountCalls> {
  const account = () => new AccountService(services().sync);
  const cohorts = () => {
    const s = services();
    return new CohortService(s.store, s.sync, s.courses);
  };
  return {
    'account.create': (input) => account().create(input),
    'account.setPassword': (input) => account().setPassword(input),
    'account.sessions': () => account().sessions(),
    'account.revokeSession': (input) => account().revokeSession(input.id),
    'account.export': () => account().export(),
    'account.delete': () => account().delete(),
    'cohorts.list': () => cohorts().list(),
    'cohorts.preview': (input) => cohorts().preview(input.code),
    'cohorts.join': (input) => cohorts().join(input.code, input.consent, input.onBoard),
    'cohorts.setBoard': (input) => cohorts().setBoard(input.cohortId, input.onBoard),
    'cohorts.leave': (input) => cohorts().leave(input.cohortId),
    'cohorts.assigned': () => cohorts().assigned(),
    'cohorts.leaderboard': (input) => cohorts().leaderboard(input.cohortId, input.board),
  };
}
