// Whether a finished module counts as fast (under par: its bonus and the speed achievements).
// Pure. Its lessons' active time must add up to no more than their par times, every lesson must
// have a par, and none may have been marked complete unread: a quick "Mark complete" adds
// almost no time, so without that rule skipping the reading would make a module "fast".

/** A finished module's lessons, summed: active seconds, par seconds, lessons without a par, lessons marked complete unread. */
export interface ModuleTimes {
  readonly active: number;
  readonly par: number;
  readonly unknownPar: number;
  readonly unread: number;
}

export function moduleUnderPar({ active, par, unknownPar, unread }: ModuleTimes): boolean {
  return unread === 0 && unknownPar === 0 && par > 0 && active > 0 && active <= par;
}
