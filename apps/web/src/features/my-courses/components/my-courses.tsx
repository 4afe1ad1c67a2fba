import { useTranslation } from '../../../lib/i18n';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { getMyCourses } from '../api/get-my-courses';
import { CourseCard } from './course-card';

/** The learner's courses with their progress, on the home page. */
export function MyCourses() {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const courses = useQuery(() => getMyCourses(lang), [lang]);
  return (
    <section className="my-courses" aria-labelledby="my-courses-title">
      <h2 id="my-courses-title">{t('learn.myCourses.title')}</h2>
      {courses.error && !courses.data ? (
        <>
          <ErrorMessage error={courses.error} />
          <button type="button" className="secondary" onClick={courses.reload}>{t('learn.retry')}</button>
        </>
      ) : !courses.data ? (
        <Loading />
      ) : courses.data.length === 0 ? (
        <p>{t('learn.myCourses.none')}</p>
      ) : (
        <ul className="course-list">
          {courses.data.map((course) => <CourseCard key={course.enrolment.id} course={course} />)}
        </ul>
      )}
    </section>
  );
}
