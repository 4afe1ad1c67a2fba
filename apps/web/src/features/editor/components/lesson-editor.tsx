import type { Lesson } from '#curriculum';
import { useTranslation } from '../../../lib/i18n';
import { BilingualField } from './bilingual-field';
import { LessonBodyAside } from './lesson-body-aside';
import { SourcesEditor } from './sources-editor';

/** A lesson: title and Markdown body in both languages, with preview and statistics, and its sources. */
export function LessonEditor({ value, onChange }: { value: Lesson; onChange: (next: Lesson) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <BilingualField label={t('editor.lesson.title')} textId="title" value={value.title} onChange={(title) => onChange({ ...value, title })} />
      <BilingualField label={t('editor.lesson.body')} textId="body" rows={16} hint={t('editor.lesson.bodyHint')} value={value.body}
        onChange={(body) => onChange({ ...value, body })} below={(locale) => <LessonBodyAside source={value.body[locale]} locale={locale} />} />
      {value.actionPlan && <p className="hint">{t('editor.lesson.actionPlan')}</p>}
      <SourcesEditor sources={value.sources} onChange={(sources) => onChange({ ...value, sources })} />
    </>
  );
}
