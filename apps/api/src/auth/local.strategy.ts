import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AppException } from '../common/app-exception.js';
import { AuthService } from './auth.service.js';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: FastifyRequest, email: string, password: string) {
    if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 1024) {
      throw new AppException(400, 'VALIDATION_FAILED', 'email and password are required text fields.');
    }
    return this.auth.verifyCredentials(email, password, req.ip ?? 'unknown');
  }
}
