import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'respeta:isPublic';
export const ROLES = 'respeta:roles';

/** Opens a route to anonymous callers. Everything else needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The roles allowed on a route. A protected route without @Roles is refused: deny by default. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CONTENT_EDITOR = 'respeta:contentEditor';
/** Also needs the content-editor permission (course content reaches every cohort); checked by RolesGuard. */
export const ContentEditor = () => SetMetadata(CONTENT_EDITOR, true);

export const SESSION_CHECKED_WITH_WRITE = 'respeta:sessionCheckedWithWrite';
/**
 * The route's session is checked by its transaction's first statement instead of a query of its own (one round trip
 * less per submission). Only for routes whose every path goes through JourneySubmissions' lock, which checks the
 * session, account and role and answers 401 before anything is read or written (test/api/security/deferred-session).
 * Body validation still comes first: a malformed body is answered 400 even on an ended session (it touches nothing).
 */
export const SessionCheckedWithWrite = () => SetMetadata(SESSION_CHECKED_WITH_WRITE, true);

export const EVALUATOR = 'respeta:evaluator';
/** Also needs the evaluator permission (studies compare cohorts of several trainers); checked by RolesGuard. */
export const Evaluator = () => SetMetadata(EVALUATOR, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
