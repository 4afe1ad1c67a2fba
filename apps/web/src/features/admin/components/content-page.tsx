import { useTranslation } from '../../../lib/i18n';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { StaffError } from '../../../components/staff/staff-error';
import { useContentLanguage } from '../../../lib/use-content-language';
import { useQuery } from '../../../lib/use-query';
import { listCourses } from '../api/courses';
import { CourseCard } from './course-card';

export function ContentPage() {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const courses = useQuery(() => listCourses(lang), [lang]);
  return (
    <>
      <PageHeading>{t('trainer.admin.sections.content')}</PageHeading>
      <p>{t('trainer.admin.content.intro')}</p>
      <StaffError error={courses.error} />
      {courses.loading && !courses.data && <Loading />}
      {courses.data?.length === 0 && <p>{t('trainer.admin.content.empty')}</p>}
      {courses.data?.map((c) => <CourseCard key={c.id} course={c} onChange={courses.reload} />)}
    </>
  );
}
