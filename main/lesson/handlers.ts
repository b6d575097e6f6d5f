// lesson.* calls: each forwards to the lesson activity service.
import type { lessonCalls } from '../../preload/contract/lesson';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

export function lessonHandlers(services: ServicesAccess): Pick<Handlers, keyof typeof lessonCalls> {
  const lessons = () => services().lessonActivity;
  return {
    'lesson.standing': ({ courseId, lessonId }) => lessons().standing(courseId, lessonId),
    'lesson.open': ({ courseId, lessonId }) => lessons().open(courseId, lessonId),
    'lesson.revealHint': ({ courseId, lessonId }) => lessons().revealHint(courseId, lessonId),
    'lesson.complete': ({ courseId, lessonId }) => lessons().complete(courseId, lessonId),
    'lesson.submitQuiz': ({ courseId, lessonId, answers }) => lessons().submitQuiz(courseId, lessonId, answers),
    'lesson.quizProgress': ({ courseId, lessonId }) => lessons().quizProgress(courseId, lessonId),
    'lesson.saveQuizProgress': ({ courseId, lessonId, progress }) => (lessons().saveQuizProgress(courseId, lessonId, progress), {}),
    'lesson.saveReflection': ({ courseId, lessonId, text, answersFollowUp }) => lessons().saveReflection(courseId, lessonId, text, answersFollowUp),
    'lesson.answerStep': ({ courseId, lessonId, stepId, answer }) => lessons().answerStep(courseId, lessonId, stepId, answer),
    'lesson.submitMilestone': ({ courseId, lessonId, milestoneId, confirmed }) => lessons().submitMilestone(courseId, lessonId, milestoneId, confirmed),
    'lesson.journal': ({ courseId, lessonId }) => lessons().journal(courseId, lessonId),
    'lesson.addActiveTime': ({ courseId, lessonId, seconds }) => ({ activeSeconds: lessons().addActiveTime(courseId, lessonId, seconds) }),
  };
}
