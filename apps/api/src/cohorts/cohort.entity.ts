import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'cohorts' })
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) region: string | null;
  @Column({ name: 'trainer_id', type: 'uuid', nullable: true }) trainerId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'invite_codes' })
export class InviteCodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId: string;
  /** Stored upper-cased; compared case-insensitively. */
  @Column({ type: 'text' }) code: string;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'max_uses', type: 'int', nullable: true }) maxUses: number | null;
  @Column({ type: 'int', default: 0 }) uses: number;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'enrolments' })
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text', default: 'active' }) status: 'active' | 'withdrawn';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
