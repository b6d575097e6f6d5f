import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonReply } from './json-reply';

const schema = z.object({ verdict: z.enum(['right', 'wrong']) });

describe('a JSON reply from a model', () => {
  it('is found inside a fence or a sentence', () => {
    expect(parseJsonReply('Here it is:\n```json\n{"verdict":"right"}\n```', schema)).toEqual({ ok: true, value: { verdict: 'right' } });
  });
  it('names what is wrong: no object, broken JSON, or a field the schema refuses', () => {
    expect(parseJsonReply('I think you are right.', schema)).toEqual({ ok: false, problem: 'the reply has no JSON object' });
    expect(parseJsonReply('{"verdict": right}', schema)).toMatchObject({ ok: false, problem: expect.stringMatching(/^the JSON does not parse/) });
    expect(parseJsonReply('{"verdict":"maybe"}', schema)).toMatchObject({ ok: false, problem: expect.stringMatching(/^verdict: /) });
  });
});
