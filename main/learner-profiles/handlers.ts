import { DronaError } from '../../preload/contract/errors';
import type { Handlers } from '../ipc/handlers';

const noProfiles = () => {
  throw new DronaError('conflict', 'This data folder has no learner profiles; make them with `drona profile create NAME`, then start again.');
};

/** An app started on one learner's folder (no profiles there): the picker's calls have nothing to pick. */
export const singleLearnerHandlers: Pick<Handlers, 'learnerProfiles.list' | 'learnerProfiles.open' | 'learnerProfiles.create'> = {
  'learnerProfiles.list': () => ({ profiles: [], active: null }),
  'learnerProfiles.open': noProfiles,
  'learnerProfiles.create': noProfiles,
};
