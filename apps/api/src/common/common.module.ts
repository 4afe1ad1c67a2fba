import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ReadPool } from '../database/read-pool.js';
import { Clock } from './clock.js';
import { RateLimiter } from './rate-limiter.service.js';

/** What every feature needs and none owns: the configuration, the clock, the SQL pool and the rate limiter. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [{ provide: APP_CONFIG, useValue: config }, Clock, ReadPool, RateLimiter];
    return { module: CommonModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
