import type { leaderboardCalls } from '../../preload/contract/leaderboard';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function leaderboardHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof leaderboardCalls> {
  return {
    'leaderboard.get': (input) => services().leaderboard.get(input.board, input.courseId),
  };
}
