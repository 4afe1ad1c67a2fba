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

  constructor(@InjectDataSource() db: DataSource) {
    this.pool = (db.driver as unknown as { master: Pool }).master;
  }

  /** `name` makes it a prepared statement on each connection: parsed and planned once, then only bound. */
  async rows<T>(text: string, params: unknown[], name?: string): Promise<T[]> {
    return (await this.pool.query({ text, values: params, ...(name ? { name } : {}) })).rows as T[];
  }
}
