import { findItem, type ItemKind, ITEM_KINDS, type ItemValue, type ItemValues } from '#curriculum';
import { useEffect } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useParams } from 'wouter';
import { PageHeading } from '../../../components/page-heading';
import { useDraft } from '../hooks/draft-context';
import { ItemContext } from '../hooks/item-context';
import { useAutosave } from '../hooks/use-autosave';
import { AttitudeItemEditor, InstrumentEditor } from './attitude-editors';
import { LessonEditor } from './lesson-editor';
import { ModuleEditor } from './module-editor';
import { QuestionEditor } from './question-editor';
import { SaveState } from './save-state';
import { ScenarioEditor } from './scenario-editor';

const isKind = (value: string): value is ItemKind => (ITEM_KINDS as readonly string[]).includes(value);

function ItemForm({ kind, value, onChange }: { kind: ItemKind; value: ItemValue; onChange: (next: ItemValue) => void }) {
  switch (kind) {
    case 'module': return <ModuleEditor value={value as ItemValues['module']} onChange={onChange} />;
    case 'lesson': return <LessonEditor value={value as ItemValues['lesson']} onChange={onChange} />;
    case 'question': return <QuestionEditor value={value as ItemValues['question']} onChange={onChange} />;
    case 'knowledge-item': return <QuestionEditor knowledge value={value as ItemValues['knowledge-item']} onChange={onChange} />;
    case 'instrument': return <InstrumentEditor value={value as ItemValues['instrument']} onChange={onChange} />;
    case 'attitude-item': return <AttitudeItemEditor value={value as ItemValues['attitude-item']} onChange={onChange} />;
    case 'scenario': return <ScenarioEditor value={value as ItemValues['scenario']} onChange={onChange} />;
  }
}

function ItemEditing({ kind, itemKey, label, initial, revision }: { kind: ItemKind; itemKey: string; label: string; initial: ItemValue; revision: number }) {
  const { t } = useTranslation();
  const autosave = useAutosave(kind, itemKey, initial, revision);
  // A link from the review page names the field to fix (#field-body.en): bring it into view once the form is there.
  useEffect(() => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    target?.scrollIntoView({ block: 'center' });
    (target?.querySelector('textarea, input, select') as HTMLElement | null)?.focus({ preventScroll: true });
  }, []);
  return (
    <ItemContext.Provider value={{ kind, itemKey, id: `${kind}:${itemKey}`, settled: autosave.status === 'saved', readOnly: autosave.readOnly }}>
      <p className="crumbs">{t(`editor.kinds.${kind}`)} · <code>{itemKey}</code></p>
      <PageHeading focusKey={`${kind}:${itemKey}`}>{label || itemKey}</PageHeading>
      <SaveState autosave={autosave} />
      <ItemForm kind={kind} value={autosave.value} onChange={autosave.change} />
    </ItemContext.Provider>
  );
}

/** /editor/:versionId/:kind/:key — the editor for one item of the draft, saved as the author types. */
export function ItemPage() {
  const { t } = useTranslation();
  const { kind = '', key = '' } = useParams();
  const { course, revisions } = useDraft();
  const item = isKind(kind) ? findItem(course, kind, key) : undefined;
  if (!item) return <p role="alert">{t('editor.notFound')}</p>;
  // Keyed by item: moving to another item starts a fresh autosave (the previous one saves what it had pending).
  return <ItemEditing key={item.id} kind={item.kind} itemKey={item.key} label={item.label.es} initial={item.value} revision={revisions[item.id]?.revision ?? 0} />;
}
