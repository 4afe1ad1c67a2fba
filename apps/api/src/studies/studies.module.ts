import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CurriculumModule } from '../curriculum/curriculum.module.js';
import { StudiesController } from './studies.controller.js';
import { StudiesService } from './studies.service.js';

@Module({
  imports: [CurriculumModule, AuditModule],
  controllers: [StudiesController],
  providers: [StudiesService],
  exports: [StudiesService],
})
export class StudiesModule {}
