// The driver rule over every input: the process driver is never chosen without someone having
// chosen it, and never for a course's code in the app without that course's consent.
import { describe, expect, it } from 'vitest';
import { chooseDriver, consentStates, driverRequests, type DriverChoice, type DriverChoiceInput } from './driver-choice';

const inputs: DriverChoiceInput[] = driverRequests.flatMap((request) =>
  [true, false].flatMap((dockerAvailable) => [true, false].flatMap((processAllowed) => consentStates.map((consent) => ({ request, dockerAvailable, processAllowed, consent })))),
);

describe('chooseDriver', () => {
  it('covers all 36 inputs', () => expect(inputs).toHaveLength(36));

  it('picks Docker whenever it answers, unless the process driver was named', () => {
    for (const input of inputs) {
      if (input.dockerAvailable && input.request !== 'process') expect(chooseDriver(input), JSON.stringify(input)).toEqual({ driver: 'docker' });
    }
  });

  it('runs unisolated only when someone chose it, and never for a course without its consent', () => {
    for (const input of inputs) {
      const choice = chooseDriver(input);
      if ('driver' in choice && choice.driver === 'process') {
        expect(input.request === 'process' || (input.request === 'auto' && input.processAllowed && !input.dockerAvailable), JSON.stringify(input)).toBe(true);
        expect(input.consent).not.toBe('missing');
      }
    }
  });

  it('the table', () => {
    const at = (request: DriverChoiceInput['request'], dockerAvailable: boolean, processAllowed: boolean, consent: DriverChoiceInput['consent']): DriverChoice =>
      chooseDriver({ request, dockerAvailable, processAllowed, consent });
    // 'auto' without Docker: nothing, unless the learner allowed the process driver (and the course is confirmed).
    expect(at('auto', false, false, 'given')).toEqual({ refused: 'no-isolated-sandbox' });
    expect(at('auto', false, false, 'not-needed')).toEqual({ refused: 'no-isolated-sandbox' });
    expect(at('auto', false, true, 'missing')).toEqual({ refused: 'needs-consent' });
    expect(at('auto', false, true, 'given')).toEqual({ driver: 'process' });
    expect(at('auto', false, true, 'not-needed')).toEqual({ driver: 'process' });
    // Docker named: Docker or nothing.
    expect(at('docker', false, true, 'given')).toEqual({ refused: 'docker-unavailable' });
    expect(at('docker', true, true, 'missing')).toEqual({ driver: 'docker' });
    // The process driver named (an author's own code from the CLI, or a serve run started so): a course still needs consent in the app.
    expect(at('process', true, false, 'not-needed')).toEqual({ driver: 'process' });
    expect(at('process', false, false, 'missing')).toEqual({ refused: 'needs-consent' });
    expect(at('process', false, false, 'given')).toEqual({ driver: 'process' });
  });
});
