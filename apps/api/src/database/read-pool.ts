import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Single-statement reads on the hottest paths (token check, journey read) go straight to the pg pool that TypeORM
 * already owns: TypeORM's query() builds a query runner per call, which measured as a large share of a cheap read.
 * Writes and transactions stay on TypeORM.
 */
/** The slice of a database client that transactional code needs: run a statement, get its rows. */
export interface SqlClient {
  /** `name`: a prepared statement on this connection (parsed and planned once), where the pool allows it. */
  query(text: string, params?: unknown[], name?: string): Promise<any[]>;
}

@Injectable()
export class ReadPool {
  private readonly pool: Pool;
  /** PGlite (pool of 1) keeps one session across reconnects, where a named statement would already exist. */
  private readonly prepare: boolean;

  constructor(@InjectDataSource() db: DataSource) {
    this.pool = (db.driver as unknown as { master: Pool }).master;
    this.prepare = (this.pool.options.max ?? 10) > 1;
  }

  /**
   * A transaction on one pooled client, without TypeORM's per-query machinery: on these machines every round trip
   * costs a socket syscall, so the hottest write path (journey submissions) keeps its statements few and lean.
   */
  async transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        query: async (text, params = [], name) => (await client.query({ text, values: params as unknown[], ...(name && this.prepare ? { name } : {}) })).rows,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** `name` makes it a prepared statement on each connection: parsed and planned once, then only bound. */
  async rows<T>(text: string, params: unknown[], name?: string): Promise<T[]> {
    // Not pool.query(): it destroys the connection on any error, and an error the server answered (a refused write,
    // bad input) leaves the connection fine; the next statement on the pool then failed with "Connection terminated".
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return (await client.query({ text, values: params, ...(name && this.prepare ? { name } : {}) })).rows as T[];
    } catch (error) {
      if (!isServerAnswer(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** An error the server sent in answer to a statement (it has an SQLSTATE): the connection itself is still usable. */
function isServerAnswer(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code) && 'severity' in (error as object);
}
