// Shared by the tests of this course's exercises (a course's support/ folder, courses/FORMAT.md):
// how a promise settled, and how a failure message says so.

/** How a promise settled, so a failure can say what came back: { value } or { error }. */
export async function settle(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

/** `resolved with 6` or `rejected with "item 3 failed"`, for a failure message. */
export const show = (outcome) => ('error' in outcome ? `rejected with "${outcome.error?.message ?? outcome.error}"` : `resolved with ${JSON.stringify(outcome.value)}`);
