// The Learn activity, as a router. Side panel: lesson search, then the open course's outline
// or the catalog tree. Canvas: the open lesson, or the catalog. Each view is its own file.
import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { Catalog } from './Catalog';
import { CourseOutline } from './CourseOutline';
import { CourseTree } from './CourseTree';
import { useLearnStore } from './learn-store';
import { LessonSearch } from './LessonSearch';
import { OpenLesson } from './OpenLesson';
import './learn.css';

export function LearnSide() {
  const courseId = useLearnStore((state) => state.courseId);
  return (
    <div className="learn-side">
      <LessonSearch />
      {courseId ? <CourseOutline courseId={courseId} /> : <CourseTree />}
    </div>
  );
}

export function LearnCanvas() {
  const open = useLearnStore((state) => state.open);
  const settingsLoaded = useAppStore((state) => state.settings !== null);
  useEffect(() => {
    if (settingsLoaded) useLearnStore.getState().resume();
  }, [settingsLoaded]);
  useEffect(() => client().on('courses.changed', () => useLearnStore.getState().contentChanged()), []);
  const commands = useMemo<AppCommand[]>(
    () => [{ id: 'learn.catalog', title: 'Show all courses', category: 'Learn', run: () => useLearnStore.getState().openCourse(null) }],
    [],
  );
  useRegisterCommands(commands);
  return open ? <OpenLesson courseId={open.courseId} lessonId={open.lessonId} /> : <Catalog />;
}
