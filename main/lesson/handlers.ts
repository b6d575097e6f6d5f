import type { Handlers } from '../ipc/handlers';
import type { ServicesAccess } from '../app/services';

type LessonCalls = 'lesson.standing' | 'lesson.revealHint' | 'lesson.complete' | 'lesson.checkPassed' | 'lesson.submitQuiz' | 'lesson.saveReflection' | 'lesson.journal' | 'lesson.addActiveTime';

export function lessonHandlers(services: ServicesAccess): Pick<Handlers, LessonCalls> {
  const lessons = () => services().lessonActivity;
  return {
    'lesson.standing': ({ courseId, lessonId }) => lessons().standing(courseId, lessonId),
    'lesson.revealHint': ({ courseId, lessonId }) => lessons().revealHint(courseId, lessonId),
    'lesson.complete': ({ courseId, lessonId }) => lessons().complete(courseId, lessonId),
    'lesson.checkPassed': ({ courseId, lessonId, firstAttempt, elapsedSeconds }) =>
      lessons().checkPassed(courseId, lessonId, { firstAttempt, elapsedSeconds }),
    'lesson.submitQuiz': ({ courseId, lessonId, answers }) => lessons().submitQuiz(courseId, lessonId, answers),
    'lesson.saveReflection': ({ courseId, lessonId, text }) => lessons().saveReflection(courseId, lessonId, text),
    'lesson.journal': ({ courseId, lessonId }) => lessons().journal(courseId, lessonId),
    'lesson.addActiveTime': ({ courseId, lessonId, seconds }) => ({ activeSeconds: lessons().addActiveTime(courseId, lessonId, seconds) }),
  };
}
