import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../common/app-exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * For POSTs the browser authenticates with the refresh cookie (refresh, logout): a request another site made the
 * browser send is refused. SameSite=Strict already keeps the cookie off cross-site requests; this is the second
 * lock. Browsers send `Origin` on every POST; it must be this site's own (PUBLIC_URL, else the address the request
 * came to). Clients that are not browsers send no Origin and hold no victim's cookie, so they pass.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site') throw crossOrigin();
    if (origin === undefined) return true;
    const own = this.config.publicUrl ? new URL(this.config.publicUrl).origin : `${req.protocol}://${req.headers.host}`;
    if (origin !== own) throw crossOrigin();
    return true;
  }
}

const crossOrigin = () => new AppException(403, 'ORIGIN_NOT_ALLOWED', 'This request did not come from this site.');
