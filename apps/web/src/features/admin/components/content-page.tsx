import { useTranslation } from '../../../lib/i18n';
import { PageHeading } from '../../../components/page-heading';
import { QueryList } from '../../../components/staff/query-list';
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
      <QueryList query={courses} empty={t('trainer.admin.content.empty')}>
        {(rows) => rows.map((c) => <CourseCard key={c.id} course={c} onChange={courses.reload} />)}
      </QueryList>
    </>
  );
}
