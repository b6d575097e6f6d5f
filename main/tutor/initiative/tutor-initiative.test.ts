// The tutor acting unasked, end to end on a real store with an injected clock: offers come from
// what main recorded (Checks, saves, step answers), once per cause, with "Why this?", and respect
// the initiative setting, exams and challenges.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store } from '../../store/open-store';
import { attempts, codeExecutions, examAttempts, workspaceSnapshots } from '../../store/schema';
import { fixtureSources } from '../testing/fixture-lesson';
import { createTutorService } from '../tutor-service';
import { ashasStore, tutorOptions } from '../testing/tutor-options';
import { idleAfterFailureSeconds } from './trigger-rules';

const courseId = 'python-basics';
const lessonId = 'adding-prices';
let dir: string;
let store: Store;
let clock: number;

beforeEach(() => {
  ({ dir, store } = ashasStore('drona-initiative-', 'new'));
  clock = 1_800_000_000_000;
});
afterEach(() => store.close());

function tutor(lessonType = 'practice') {
  const service = createTutorService(
    tutorOptions(store, dir, {
      sources: fixtureSources({ lesson: async () => ({ title: 'Adding up prices', type: lessonType, objectives: ['Use a loop with an accumulator'] }) }),
      now: () => clock,
    }),
  );
  return { service, nudge: () => service.initiative.nudge(courseId, lessonId) };
}

function check(passed: boolean, message = "NameError: name 'totl' is not defined") {
  const tests = [{ name: 'test_total', status: passed ? 'pass' : 'fail', ...(passed ? {} : { message }) }];
  store.db
    .insert(codeExecutions)
    .values({
      courseId,
      lessonId,
      kind: 'check',
      language: 'python',
      driver: 'wasm',
      outcome: passed ? 'pass' : 'fail',
      durationMs: 5,
      result: { status: passed ? 'pass' : 'fail', tests },
      createdAt: clock,
    })
    .run();
}

describe('tutor initiative', () => {
  it('asks about the failing test right after a failing Check, once, and says why', async () => {
    const { nudge, service } = tutor();
    expect(await nudge()).toBeNull();
    check(false);
    const offer = await nudge();
    expect(offer).toMatchObject({ role: 'assistant', agent: 'tutor', offer: { pattern: 'socratic', why: 'Your last Check failed on test_total.' } });
    expect(offer!.content).toContain('`test_total`');
    expect(offer!.content).toMatch(/\?$/);
    clock += 1000;
    expect(await nudge()).toBeNull();
    // It is part of the conversation, "Why this?" included, and costs no tutor request.
    const session = await service.sessions.session(courseId, lessonId);
    expect(session.messages.at(-1)?.offer?.pattern).toBe('socratic');
    expect(service.config.budget().used).toBe(0);
  });

  it('offers a simpler explanation after the same error twice, and after idling without an edit', async () => {
    const { nudge } = tutor();
    check(false);
    await nudge();
    clock += 10_000;
    check(false);
    expect((await nudge())?.offer).toEqual({ pattern: 'simpler-explanation', why: 'The same error (NameError) came up in two Checks in a row.' });

    clock += 5_000;
    store.db
      .insert(workspaceSnapshots)
      .values({ courseId, lessonId, filePath: 'prices.py', content: 'x', digest: 'd', reason: 'save', createdAt: clock })
      .run();
    clock += 5_000;
    check(false, 'AssertionError: 3 != 4');
    expect((await nudge())?.offer?.pattern).toBe('socratic');
    clock += idleAfterFailureSeconds.normal * 1000;
    expect((await nudge())?.offer).toEqual({ pattern: 'simpler-explanation', why: `No edit for ${idleAfterFailureSeconds.normal} s after a failing Check.` });
  });

  it('praises a passing Check, and offers more after quick right answers', async () => {
    const { nudge } = tutor('guided');
    check(true);
    expect((await nudge())?.content).toMatch(/^Well done/);
    for (let index = 0; index < 3; index++) {
      clock += 20_000;
      store.db.insert(attempts).values({ courseId, lessonId, kind: 'step', passed: true, score: null, detail: {}, createdAt: clock }).run();
    }
    expect((await nudge())?.offer?.pattern).toBe('harder');
    // One more quick right answer is not a second offer of something harder straight after the first.
    clock += 20_000;
    store.db.insert(attempts).values({ courseId, lessonId, kind: 'step', passed: true, score: null, detail: {}, createdAt: clock }).run();
    expect((await nudge())?.offer?.pattern).toBe('praise');
  });

  it('checks in after enough exchanges, with a question from the lesson objectives', async () => {
    const { nudge, service } = tutor('concept');
    const sessionId = service.sessions.active(courseId, lessonId);
    for (let index = 0; index < 7; index++) service.sessions.add(sessionId, 'assistant', 'reply', 'tutor');
    const offer = await nudge();
    expect(offer).toMatchObject({ agent: 'assessor', offer: { pattern: 'check-in', why: '7 exchanges since the last check-in.' } });
    expect(offer!.content).toBe('A quick check-in: in your own words, how would you use a loop with an accumulator?');
    expect(await nudge()).toBeNull();
  });

  it('is silent with initiative off, in a challenge, in an exam and on a stale cause', async () => {
    check(false);
    const off = tutor();
    off.service.config.configure({ initiative: 'off' });
    expect(await off.nudge()).toBeNull();
    off.service.config.configure({ initiative: 'normal' });
    expect(await tutor('challenge').nudge()).toBeNull();
    store.db.insert(examAttempts).values({ courseId, courseVersion: '1', seed: 's', status: 'in-progress', firstAttempt: true, startedAt: clock }).run();
    expect(await tutor().nudge()).toBeNull();
    store.db.delete(examAttempts).run();
    clock += 16 * 60_000;
    expect(await tutor().nudge()).toBeNull();
  });

  it('keeps a rating on a reply, and refuses to rate what is not a reply', async () => {
    const { nudge, service } = tutor();
    check(false);
    const offer = (await nudge())!;
    expect(service.sessions.rate(offer.id, false, 'Too vague')).toMatchObject({ id: offer.id, rating: { helpful: false, reason: 'Too vague' } });
    expect((await service.sessions.session(courseId, lessonId)).messages.at(-1)?.rating).toEqual({ helpful: false, reason: 'Too vague' });
    const sessionId = service.sessions.active(courseId, lessonId);
    const question = service.sessions.add(sessionId, 'user', 'why?', null);
    expect(() => service.sessions.rate(question.id, true, '')).toThrow(/no tutor reply/);
  });
});
