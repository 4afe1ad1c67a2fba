import type { Role } from '../users/user.entity.js';

/** What guards attach to `request.user` after a valid access token. */
export interface AuthUser {
  id: string;
  role: Role;
  sessionId: string;
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
