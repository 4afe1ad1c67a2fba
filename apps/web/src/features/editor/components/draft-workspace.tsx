import { useRef, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link, Route, Switch, useParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { StaffError } from '../../../components/staff/staff-error';
import { useQuery } from '../../../lib/use-query';
import { type DraftData, loadDraft } from '../api/editor-api';
import { DraftProvider } from '../hooks/draft-context';
import { DraftOverview } from './draft-overview';
import { ItemOutline } from './item-outline';
import { ItemPage } from './item-page';
import { ReviewPage } from './review-page';

/** /editor/:versionId/* — one draft: the outline of its items beside the page being edited. */
export function DraftWorkspace() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams();
  const [tick, setTick] = useState(0);
  const draft = useQuery(() => loadDraft(versionId), [versionId, tick]);
  // Each load starts the editor afresh (after "take their version", the draft is read again).
  const generation = useRef({ data: undefined as DraftData | undefined, count: 0 });
  if (draft.data !== generation.current.data) generation.current = { data: draft.data, count: generation.current.count + 1 };

  if (!draft.data) return draft.error ? <StaffError error={draft.error} /> : <Loading />;
  if (draft.data.version.status !== 'draft') {
    return <p role="alert">{t('editor.publishedReadOnly')} <Link to="/editor">{t('editor.review.backHome')}</Link></p>;
  }
  return (
    <DraftProvider key={generation.current.count} data={draft.data} reload={() => setTick((n) => n + 1)}>
      <div className="editor-layout">
        <ItemOutline />
        <div className="editor-main">
          <Switch>
            <Route path="/editor/:versionId/review"><ReviewPage /></Route>
            <Route path="/editor/:versionId/:kind/:key"><ItemPage /></Route>
            <Route><DraftOverview /></Route>
          </Switch>
        </div>
      </div>
    </DraftProvider>
  );
}
