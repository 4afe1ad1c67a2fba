import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UserDto } from '../users/user.mapper.js';
import { UsersService } from '../users/users.service.js';
import { AuthResponseDto, ChangePasswordDto, LoginDto, RegisterDto, RegistrationAcceptedDto } from './auth.dto.js';
import { CurrentUser, Public, Roles } from './auth.decorators.js';
import { LocalAuthGuard } from './auth.guards.js';
import { AuthService } from './auth.service.js';
import { SameOriginGuard } from './same-origin.guard.js';
import type { AuthUser } from './auth-user.js';
import type { UserEntity } from '../users/user.entity.js';
import type { IssuedTokens } from './token.service.js';

export const REFRESH_COOKIE = 'respeta_rt';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RegistrationAcceptedDto, description: 'The account was created, or the e-mail already had one: sign in next.' })
  register(@Body() dto: RegisterDto, @Req() req: FastifyRequest): Promise<RegistrationAcceptedDto> {
    return this.auth.register(dto, req.ip ?? 'unknown');
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  async login(@Body() _dto: LoginDto, @Req() req: FastifyRequest & { user?: unknown }, @Res({ passthrough: true }) res: FastifyReply): Promise<AuthResponseDto> {
    const { tokens, user } = await this.auth.signIn(req.user as UserEntity);
    return { ...this.withCookie(res, tokens), user };
  }

  @Public()
  @UseGuards(SameOriginGuard)
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  async refresh(@Req() req: FastifyRequest & { user?: AuthUser }, @Res({ passthrough: true }) res: FastifyReply): Promise<AuthResponseDto> {
    try {
      const tokens = await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]);
      const user = await this.users.getProfile(tokens.userId);
      return { ...this.withCookie(res, tokens), user };
    } catch (error) {
      res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      throw error;
    }
  }

  @Public()
  @UseGuards(SameOriginGuard)
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of the bearer token and the family of the refresh cookie are revoked.' })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.logout(req.headers.authorization, req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Roles('learner', 'trainer', 'admin')
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Password changed; every session of the account is signed out.' })
  async changePassword(@CurrentUser() actor: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: FastifyRequest & { user?: AuthUser }, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, req.ip ?? 'unknown');
    res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Roles('learner', 'trainer', 'admin')
  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() actor: AuthUser): Promise<UserDto> {
    return this.users.getProfile(actor.id);
  }

  private withCookie(res: FastifyReply, tokens: IssuedTokens) {
    res.setCookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: COOKIE_PATH,
      expires: tokens.refreshExpiresAt,
    });
    return { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn };
  }
}
