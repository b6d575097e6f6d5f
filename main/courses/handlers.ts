// courses.* calls, forwarded to the courses feature's parts.
import { DronaError } from '../../preload/contract/errors';
import type { ServicesAccess } from '../app/services';
import type { Handlers } from '../ipc/handlers';

type CourseHandlers = Pick<Handlers, 'courses.list' | 'courses.get' | 'courses.lesson' | 'courses.search' | 'courses.import'>;

export function coursesHandlers(services: ServicesAccess): CourseHandlers {
  return {
    'courses.list': () => services().courses.catalog.listCourses(),
    'courses.get': ({ courseId }) => {
      const course = services().courses.catalog.getCourse(courseId);
      if (!course) throw new DronaError('not_found', `No course "${courseId}" is installed. Import it from the Learn view or with \`drona course import\`.`);
      return course;
    },
    'courses.lesson': ({ courseId, lessonId }) => {
      const lesson = services().courses.content.getLesson(courseId, lessonId);
      if (!lesson) throw new DronaError('not_found', `Lesson "${lessonId}" is not in the installed course "${courseId}"; it may have been removed by an update.`);
      return lesson;
    },
    'courses.search': ({ query, limit, courseId }) => services().courses.lessonSearch.search(query, { ...(limit ? { limit } : {}), ...(courseId ? { courseId } : {}) }),
    'courses.import': ({ fileName, dataBase64 }) => services().courses.installer.importUpload(fileName, Buffer.from(dataBase64, 'base64')),
  };
}
