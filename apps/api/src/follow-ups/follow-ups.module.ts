import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { FollowUpsController } from './follow-ups.controller.js';
import { FollowUpsService } from './follow-ups.service.js';

/** Follow-up due dates for trainers (cohort page, due list). The reminder job reads the same schedule (follow-up-schedule.ts). */
@Module({
  imports: [CohortsModule],
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
})
export class FollowUpsModule {}
