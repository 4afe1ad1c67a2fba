import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Course } from '#curriculum';

@Entity({ name: 'courses' })
export class CourseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) key: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'course_versions' })
export class CourseVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId: string;
  @Column({ type: 'text' }) status: 'draft' | 'published';
  /** 1, 2, 3… once published; null while a draft. */
  @Column({ type: 'int', nullable: true }) version: number | null;
  @Column({ type: 'jsonb' }) content: Course;
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ name: 'based_on_id', type: 'uuid', nullable: true }) basedOnId: string | null;
  @Column({ type: 'text' }) source: 'import' | 'authoring';
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
