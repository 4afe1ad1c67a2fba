import { lazy } from 'react';
import { Redirect } from 'wouter';
import { loadStaffStrings } from '../lib/i18n';
import { useSession } from '../lib/session';

const EditorRoutes = lazy(() =>
  Promise.all([import('../features/editor/editor-routes'), loadStaffStrings()]).then(([m]) => m.loadEditorStrings().then(() => m)),
);

/** /editor: holders of the content-editor permission only (the server checks every call as well). */
export default function EditorEntry() {
  const { user } = useSession();
  return user?.canEditContent ? <EditorRoutes /> : <Redirect to="/" replace />;
}
