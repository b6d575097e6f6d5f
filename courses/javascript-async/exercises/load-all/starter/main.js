/** Fetches every user at the same time; resolves to the users in the order of `ids`; rejects if any fetch fails. */
export function loadAll(ids, fetchUser) {
  return Promise.resolve([]);
}

/** Fetches every user at the same time; resolves to `{ users, failed }`: the users that loaded and the ids that did not. */
export function loadSome(ids, fetchUser) {
  return Promise.resolve({ users: [], failed: [] });
}

/** Calls every source (a function returning a promise); resolves with the first success; rejects with Error('every source failed') if none succeeds. */
export function fastest(sources) {
  return sources[0]();
}
