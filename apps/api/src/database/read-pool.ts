import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Single-statement reads on the hottest paths (token check, journey read) go straight to the pg pool that TypeORM
 * already owns: TypeORM's query() builds a query runner per call, which measured as a large share of a cheap read.
 * Writes and transactions stay on TypeORM.
 */
@Injectable()
export class ReadPool {
  private readonly pool: Pool;
  /** PGlite (pool of 1) keeps one session across reconnects, where a named statement would already exist. */
  private readonly prepare: boolean;

  constructor(@InjectDataSource() db: DataSource) {
    this.pool = (db.driver as unknown as { master: Pool }).master;
    this.prepare = (this.pool.options.max ?? 10) > 1;
  }

  /** `name` makes it a prepared statement on each connection: parsed and planned once, then only bound. */
  async rows<T>(text: string, params: unknown[], name?: string): Promise<T[]> {
    return (await this.pool.query({ text, values: params, ...(name && this.prepare ? { name } : {}) })).rows as T[];
  }
}
