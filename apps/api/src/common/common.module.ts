import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';
import { DailyJobs } from './daily-jobs.service.js';
import { RateLimiter } from './rate-limiter.service.js';

/** What every feature needs and none owns: the configuration, the clock, the rate limiter and daily jobs. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [{ provide: APP_CONFIG, useValue: config }, Clock, RateLimiter, DailyJobs];
    return { module: CommonModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
