import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_SETTINGS, DatabasePool, type DatabaseSettings } from './database-pool.js';

/** The one pool, for every feature (raw SQL) and for TypeORM (see AppModule), built from explicit settings. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(settings: DatabaseSettings): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: DATABASE_SETTINGS, useValue: settings }, DatabasePool], exports: [DatabasePool] };
  }
}
