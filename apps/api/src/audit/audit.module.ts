import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditLog } from './audit-log.service.js';
import { AuditQueries } from './audit-query.service.js';

/** The audit log: AuditLog records (every feature that reads identifiable data or changes settings calls it). */
@Module({
  controllers: [AuditController],
  providers: [AuditLog, AuditQueries],
  exports: [AuditLog, AuditQueries],
})
export class AuditModule {}
