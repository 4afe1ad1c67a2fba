import { forwardRef, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { JwtAuthGuard, RolesGuard } from './auth.guards.js';
import { AuthService } from './auth.service.js';
import { ExpiredRowsPurge } from './expired-rows-purge.service.js';
import { JwtStrategy, TokenOnlyStrategy, verifiedTokensProvider } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { TokenService } from './token.service.js';

/**
 * Credentials, sessions and the guards every route passes. Accounts (users/) and credentials refer to each other —
 * login answers with the profile, disabling an account revokes its sessions — hence the forwardRef.
 */
@Module({
  imports: [PassportModule, JwtModule.register({}), forwardRef(() => UsersModule)],
  controllers: [AuthController],
  providers: [
    // Order matters: authenticate first, then check roles. Both deny unless a route opts out with @Public.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    PasswordHasher,
    LoginThrottle,
    ExpiredRowsPurge,
    TokenService,
    AuthService,
    LocalStrategy,
    verifiedTokensProvider,
    JwtStrategy,
    TokenOnlyStrategy,
  ],
  exports: [PasswordHasher, TokenService],
})
export class AuthModule {}
