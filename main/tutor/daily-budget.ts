// The per-learner daily budget (CS50's duck hearts): requests per local day, configurable.

export interface BudgetState {
  readonly limit: number | null;
  readonly used: number;
}

export function budgetAllows(state: BudgetState): boolean {
  return state.limit === null || state.used < state.limit;
}

/** Start of the learner's local day (in their IANA timezone) for a moment, in epoch ms. */
export function startOfLocalDay(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + (at % 1000);
  return at - sinceMidnight;
}
