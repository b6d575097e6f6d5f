// The installed courses and one course's outline, asked again whenever progress or the
// installed courses change (the learn store's revision).
import { useLearnStore } from './learn-store';
import { useCall } from '../../platform/use-call';

export function useCourses() {
  const revision = useLearnStore((state) => state.revision);
  const { data: courses, error } = useCall('courses.list', {}, [revision]);
  return { courses, error };
}

export function useCourseDetail(courseId: string | null) {
  const revision = useLearnStore((state) => state.revision);
  return useCall('courses.get', courseId ? { courseId } : null, [revision]);
}
