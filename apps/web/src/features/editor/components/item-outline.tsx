import { type DraftItem, draftItems } from '#curriculum';
import { useTranslation } from '../../../lib/i18n';
import { Link, useLocation } from 'wouter';
import { useDraft } from '../hooks/draft-context';
import { useTranslationFlags } from '../hooks/use-translation-flags';

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The draft's items as a navigable outline: modules with lessons and quiz, the assessments, the scenarios. */
export function ItemOutline() {
  const { t } = useTranslation();
  const { version, course } = useDraft();
  const [location] = useLocation();
  const { byItem } = useTranslationFlags();
  const items = draftItems(course);
  const href = (item: DraftItem) => `/editor/${version.id}/${item.kind}/${item.key}`;
  const entry = (item: DraftItem) => {
    const flags = byItem.get(item.id)?.length ?? 0;
    return (
      <li key={item.id}>
        <Link to={href(item)} aria-current={location === href(item) ? 'page' : undefined}>{short(item.label.es || item.key)}</Link>
        {flags > 0 && <span className="badge badge--flag"> {t('editor.outline.flags', { count: flags })}</span>}
      </li>
    );
  };
  const group = (title: string, list: DraftItem[], key: string) => (
    <li key={key}>
      <details open={list.some((item) => location === href(item))}>
        <summary>{title} <span className="stat-note">({list.length})</span></summary>
        <ul>{list.map(entry)}</ul>
      </details>
    </li>
  );
  return (
    <nav className="item-outline" aria-label={t('editor.outline.label')}>
      <ul>
        <li><Link to={`/editor/${version.id}`}>{t('editor.outline.overview')}</Link></li>
        <li><Link to={`/editor/${version.id}/review`}>{t('editor.outline.review')}</Link></li>
        {course.modules.map((module) => {
          const own = items.filter((item) => item.moduleKey === module.key && item.kind !== 'knowledge-item');
          return group(module.title.es, [items.find((i) => i.kind === 'module' && i.key === module.key)!, ...own], module.key);
        })}
        {group(t('editor.outline.knowledgeTest'), items.filter((i) => i.kind === 'knowledge-item'), 'kt')}
        {group(t('editor.outline.attitudes'), items.filter((i) => i.kind === 'instrument' || i.kind === 'attitude-item'), 'att')}
        {group(t('editor.outline.scenarios'), items.filter((i) => i.kind === 'scenario'), 'sc')}
      </ul>
    </nav>
  );
}
