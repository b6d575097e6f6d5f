/** Fetches every user at the same time; resolves to the users in the order of `ids`; rejects if any fetch fails. */
export function loadAll(ids, fetchUser) {
  return Promise.all(ids.map((id) => fetchUser(id)));
}

/** Fetches every user at the same time; resolves to `{ users, failed }`: the users that loaded and the ids that did not. */
export async function loadSome(ids, fetchUser) {
  const outcomes = await Promise.allSettled(ids.map((id) => fetchUser(id)));
  const users = [];
  const failed = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') users.push(outcome.value);
    else failed.push(ids[index]);
  });
  return { users, failed };
}

/** Calls every source (a function returning a promise); resolves with the first success; rejects with Error('every source failed') if none succeeds. */
export function fastest(sources) {
  return Promise.any(sources.map((source) => source())).catch(() => {
    throw new Error('every source failed');
  });
}
