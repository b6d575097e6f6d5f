// Which driver runs a piece of code, as one pure rule. Isolated drivers first: Docker when it
// answers, else WebAssembly (isolated on every OS, nothing to install). The process driver
// (code runs as the learner, with their files and the network) only when someone chose it: the
// author naming it (`--driver process`, DRONA_SANDBOX_DRIVER=process) or the learner turning it
// on in Settings → Sandbox; and, in the app, only for a course the learner has confirmed the
// risk for. Never a silent fallback.

/** 'auto' in the app; a driver named by the CLI's --driver or DRONA_SANDBOX_DRIVER. */
export const driverRequests = ['auto', 'docker', 'wasm', 'process'] as const;
export type DriverRequest = (typeof driverRequests)[number];

/**
 * For code from a course, run in the app: has the learner confirmed, for this course (and this
 * version of it), that its code may run unisolated? 'not-needed' for the CLI (an author running
 * their own code) and for code that comes from no course.
 */
export const consentStates = ['given', 'missing', 'not-needed'] as const;
export type ConsentState = (typeof consentStates)[number];

export interface DriverChoiceInput {
  readonly request: DriverRequest;
  readonly dockerAvailable: boolean;
  /** The WebAssembly runtimes are installed (they ship with the app; a broken install lacks them). */
  readonly wasmAvailable: boolean;
  /** Settings → Sandbox: "Run course code directly on this computer". */
  readonly processAllowed: boolean;
  readonly consent: ConsentState;
}

export type Refusal = 'docker-unavailable' | 'wasm-unavailable' | 'no-isolated-sandbox' | 'needs-consent';

export type DriverChoice = { readonly driver: 'docker' | 'wasm' | 'process' } | { readonly refused: Refusal };

export function chooseDriver(input: DriverChoiceInput): DriverChoice {
  const unisolated = (): DriverChoice => (input.consent === 'missing' ? { refused: 'needs-consent' } : { driver: 'process' });
  switch (input.request) {
    case 'docker':
      return input.dockerAvailable ? { driver: 'docker' } : { refused: 'docker-unavailable' };
    case 'wasm':
      return input.wasmAvailable ? { driver: 'wasm' } : { refused: 'wasm-unavailable' };
    case 'process':
      return unisolated();
    case 'auto':
      if (input.dockerAvailable) return { driver: 'docker' };
      // The learner's own switch is an explicit request for the process driver.
      if (input.processAllowed) return unisolated();
      return input.wasmAvailable ? { driver: 'wasm' } : { refused: 'no-isolated-sandbox' };
  }
}
