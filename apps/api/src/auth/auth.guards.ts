import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppException } from '../common/app-exception.js';
import type { Role } from '../users/user.entity.js';
import { CONTENT_EDITOR, EVALUATOR, IS_PUBLIC, ROLES, SESSION_CHECKED_WITH_WRITE } from './auth.decorators.js';
import type { AuthUser } from './auth-user.js';
import { LoginDto } from './auth.dto.js';
import { createValidationPipe } from '../common/validation.js';

/** The answer to a token or session that is not (or no longer) good: the client refreshes or signs in again. */
export const sessionEnded = () => new AppException(401, 'UNAUTHENTICATED', 'Please sign in to continue.');

function authenticated<T>(err: unknown, user: T): T {
  // An error here is the session check failing (e.g. the database is down): not the user's fault, so it goes to
  // the exception filter (503) instead of a 401 that would send them back to the sign-in page.
  if (err) throw err;
  if (!user) throw sessionEnded();
  return user;
}

/** The token alone (signature, expiry, shape): for routes whose transaction checks the session (jwt-deferred). */
class TokenOnlyGuard extends AuthGuard('jwt-deferred') {
  handleRequest<T>(err: unknown, user: T): T {
    return authenticated(err, user);
  }
}

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly tokenOnly = new TokenOnlyGuard();

  constructor(private readonly reflector: Reflector) {
    super();
  }

  canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SESSION_CHECKED_WITH_WRITE, targets)) return this.tokenOnly.canActivate(context);
    return super.canActivate(context);
  }

  handleRequest<T>(err: unknown, user: T): T {
    return authenticated(err, user);
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  private readonly logger = new Logger(RolesGuard.name);
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no @Roles: denied.`);
      throw forbidden();
    }
    const user = context.switchToHttp().getRequest().user as AuthUser | undefined;
    if (!user || !roles.includes(user.role)) throw forbidden();
    if (this.reflector.getAllAndOverride<boolean>(CONTENT_EDITOR, targets) && !user.canEditContent) {
      throw new AppException(403, 'CONTENT_EDITOR_REQUIRED', 'Editing course content needs the content-editor permission; an administrator can grant it.');
    }
    if (this.reflector.getAllAndOverride<boolean>(EVALUATOR, targets) && !user.canEvaluate) {
      throw new AppException(403, 'EVALUATOR_REQUIRED', 'Studies need the evaluator permission; an administrator can grant it.');
    }
    return true;
  }
}

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  // Passport reads the body before Nest's pipes run, so the login body is validated (unknown fields refused) here.
  private readonly validation = createValidationPipe();

  async canActivate(context: ExecutionContext) {
    const req = context.switchToHttp().getRequest();
    req.body = await this.validation.transform(req.body ?? {}, { type: 'body', metatype: LoginDto });
    return super.canActivate(context) as Promise<boolean>;
  }

  handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new AppException(400, 'VALIDATION_FAILED', 'email and password are required.');
    return user;
  }
}

const forbidden = () => new AppException(403, 'FORBIDDEN', 'You do not have permission to do this.');
