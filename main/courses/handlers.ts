import { DronaError } from '../../preload/contract';
import { MAX_UI_IMPORT_BYTES } from '../../preload/contract/courses';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';
import { formatProblem } from './bundle-files';
import { CourseImportError } from './course-service';

type CourseHandlers = Pick<Handlers, 'courses.list' | 'courses.get' | 'courses.lesson' | 'courses.search' | 'courses.import'>;

export function coursesHandlers(services: ServicesAccess): CourseHandlers {
  return {
    'courses.list': () => services().courses.listCourses(),
    'courses.get': ({ courseId }) => {
      const course = services().courses.getCourse(courseId);
      if (!course) throw new DronaError('not_found', `No course "${courseId}" is installed. Import it from the Learn view or with \`drona course import\`.`);
      return course;
    },
    'courses.lesson': ({ courseId, lessonId }) => {
      const lesson = services().courses.getLesson(courseId, lessonId);
      if (!lesson) throw new DronaError('not_found', `Lesson "${lessonId}" is not in the installed course "${courseId}"; it may have been removed by an update.`);
      return { ...lesson, quiz: lesson.quiz ?? null, reflection: lesson.reflection ?? null };
    },
    'courses.search': ({ query, limit, courseId }) => services().courses.search(query, { ...(limit ? { limit } : {}), ...(courseId ? { courseId } : {}) }),
    'courses.import': async ({ fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length > MAX_UI_IMPORT_BYTES) throw new DronaError('invalid_input', `${fileName} is larger than ${MAX_UI_IMPORT_BYTES / 1024 / 1024} MB; import it with \`drona course import\` instead.`);
      try {
        return await services().courses.importPack(bytes);
      } catch (error) {
        if (!(error instanceof CourseImportError)) throw error;
        const count = error.problems.length;
        throw new DronaError(
          'invalid_input',
          `${fileName} was not imported (${count} problem${count === 1 ? '' : 's'}); nothing was changed.\n${error.problems.map(formatProblem).join('\n')}`,
          { problems: error.problems },
        );
      }
    },
  };
}
