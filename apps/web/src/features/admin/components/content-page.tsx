import { useTranslation } from '../../../lib/i18n';
import { CourseListPage } from '../../../components/staff/course-list-page';
import { CourseCard } from './course-card';

export function ContentPage() {
  const { t } = useTranslation();
  return (
    <CourseListPage title={t('trainer.admin.sections.content')} intro={t('trainer.admin.content.intro')} empty={t('trainer.admin.content.empty')}>
      {(course, reload) => <CourseCard course={course} onChange={reload} />}
    </CourseListPage>
  );
}
