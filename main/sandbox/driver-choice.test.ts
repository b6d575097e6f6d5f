// The driver rule over every input: Docker first, then WebAssembly; the process driver is never
// chosen without someone having chosen it, and never for a course's code in the app without that
// course's consent.
import { describe, expect, it } from 'vitest';
import { chooseDriver, consentStates, driverRequests, type DriverChoice, type DriverChoiceInput } from './driver-choice';

const inputs: DriverChoiceInput[] = driverRequests.flatMap((request) =>
  [true, false].flatMap((dockerAvailable) =>
    [true, false].flatMap((wasmAvailable) =>
      [true, false].flatMap((processAllowed) => consentStates.map((consent) => ({ request, dockerAvailable, wasmAvailable, processAllowed, consent }))),
    ),
  ),
);

describe('chooseDriver', () => {
  it('covers all 96 inputs', () => expect(inputs).toHaveLength(96));

  it('picks Docker whenever it answers, unless the process driver was named', () => {
    for (const input of inputs) {
      if (input.dockerAvailable && (input.request === 'auto' || input.request === 'docker'))
        expect(chooseDriver(input), JSON.stringify(input)).toEqual({ driver: 'docker' });
    }
  });

  it('picks WebAssembly without Docker, unless the learner or the author chose the process driver', () => {
    for (const input of inputs) {
      const choice = chooseDriver(input);
      if (input.request === 'auto' && !input.dockerAvailable && !input.processAllowed) {
        expect(choice, JSON.stringify(input)).toEqual(input.wasmAvailable ? { driver: 'wasm' } : { refused: 'no-isolated-sandbox' });
      }
      if ('driver' in choice && choice.driver === 'wasm') expect(input.wasmAvailable && (input.request === 'wasm' || !input.dockerAvailable)).toBe(true);
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
    const at = (
      request: DriverChoiceInput['request'],
      dockerAvailable: boolean,
      processAllowed: boolean,
      consent: DriverChoiceInput['consent'],
      wasmAvailable = true,
    ): DriverChoice => chooseDriver({ request, dockerAvailable, wasmAvailable, processAllowed, consent });
    // 'auto' without Docker: WebAssembly, unless the learner allowed the process driver (and the course is confirmed).
    expect(at('auto', false, false, 'given')).toEqual({ driver: 'wasm' });
    expect(at('auto', false, false, 'not-needed', false)).toEqual({ refused: 'no-isolated-sandbox' });
    expect(at('wasm', true, true, 'missing')).toEqual({ driver: 'wasm' });
    expect(at('wasm', true, true, 'missing', false)).toEqual({ refused: 'wasm-unavailable' });
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
