import type { SqlClient } from '../database/database-pool.js';
import type { UserEntity } from './user.entity.js';

export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'role' | 'locale' | 'positionType' | 'region' | 'institution'>;

/** The one INSERT of an account (registration, staff creation), inside the caller's transaction; a taken e-mail is 23505. */
export async function insertUser(client: SqlClient, user: NewUser): Promise<string> {
  const [row] = await client.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, role, locale, position_type, region, institution)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [user.email, user.displayName, user.passwordHash, user.role, user.locale, user.positionType, user.region, user.institution],
  );
  return row!.id;
}
