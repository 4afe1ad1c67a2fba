import type { Role } from '../users/user.entity.js';

/** What guards attach to `request.user` after a valid access token. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
  /** The token's account version (`ver`): a password change moves the account's on, ending every older token. */
  tokenVersion: number;
  /**
   * false on a route marked @SessionCheckedWithWrite: the token's signature and expiry are verified, the session
   * (revoked? account disabled? version and role current?) not yet — the route's transaction checks it in its first
   * statement, before anything is written, and answers 401 when it fails.
   */
  sessionChecked: boolean;
  /** May edit and publish course content: admins, and staff an admin granted it to (read on every request). */
  canEditContent: boolean;
  /** May define studies (controlled comparisons) and read their reports: admins, and trainers an admin granted it to. */
  canEvaluate: boolean;
}

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: Role;
  ver: number;
}
