import { Fragment, type ReactNode } from 'react';
import { type CourseSummary, useCourseList } from '../../lib/api/courses';
import { PageHeading } from '../page-heading';
import { QueryList } from './query-list';

/** A staff page of the courses (titles in the content language): heading, intro, then each area's entry per course. */
export function CourseListPage({ title, intro, empty, children }: {
  title: string;
  intro: string;
  empty?: string;
  /** One course's entry; `reload` loads the list again after the entry changed a course. */
  children: (course: CourseSummary, reload: () => void) => ReactNode;
}) {
  const courses = useCourseList();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{intro}</p>
      <QueryList query={courses} empty={empty}>
        {(rows) => rows.map((course) => <Fragment key={course.id}>{children(course, courses.reload)}</Fragment>)}
      </QueryList>
    </>
  );
}
