import { Route } from 'wouter';
import { StaffRoutes } from '../../components/staff/staff-routes';
import './editor.css';
import { DraftWorkspace } from './components/draft-workspace';
import { EditorHome } from './components/editor-home';

export { loadEditorStrings } from './editor-strings';

/**
 * The content editor under /editor (holders of the content-editor permission; the app guards the route and the server
 * checks every call). Its own chunk, with the course library's rules and the diff library: never in a learner's download.
 */
export default function EditorRoutes() {
  return (
    <StaffRoutes className="editor-area">
      <Route path="/editor"><EditorHome /></Route>
      <Route path="/editor/:versionId/*?"><DraftWorkspace /></Route>
    </StaffRoutes>
  );
}
