import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['learner', 'trainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const POSITION_TYPES = ['police', 'municipal_official', 'health_staff', 'other'] as const;
export type PositionType = (typeof POSITION_TYPES)[number];
/** Peru's 24 departments plus the Constitutional Province of Callao, as slugs. */
export const REGIONS = [
  'amazonas', 'ancash', 'apurimac', 'arequipa', 'ayacucho', 'cajamarca', 'callao', 'cusco', 'huancavelica',
  'huanuco', 'ica', 'junin', 'la_libertad', 'lambayeque', 'lima', 'loreto', 'madre_de_dios', 'moquegua', 'pasco',
  'piura', 'puno', 'san_martin', 'tacna', 'tumbes', 'ucayali',
] as const;
export type Region = (typeof REGIONS)[number];

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Always stored lower-cased; unique. */
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  /** The name printed on certificates; null: the display name is printed. */
  @Column({ name: 'legal_name', type: 'text', nullable: true }) legalName: string | null;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'text', default: 'es' }) locale: Locale;
  @Column({ name: 'position_type', type: 'text', nullable: true }) positionType: PositionType | null;
  @Column({ type: 'text', nullable: true }) institution: string | null;
  @Column({ type: 'text', nullable: true }) region: Region | null;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  /** May edit and publish course content (granted by an admin; admins may by their role). */
  @Column({ name: 'can_edit_content', type: 'boolean', default: false }) canEditContent: boolean;
  /** May define studies and read their reports (granted by an admin; admins may by their role). */
  @Column({ name: 'can_evaluate', type: 'boolean', default: false }) canEvaluate: boolean;
  /** Bumped on password change and disable: every access token carrying an older value stops working. */
  @Column({ name: 'token_version', type: 'int', default: 0 }) tokenVersion: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
