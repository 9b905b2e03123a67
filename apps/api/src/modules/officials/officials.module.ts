import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EventsModule } from '../events/events.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { UsersModule } from '../users/users.module.js';
import { OfficialsController } from './officials.controller.js';
import { OfficialsRepository } from './officials.repository.js';
import { OfficialsService } from './officials.service.js';

@Module({
  imports: [EventsModule, TeamsModule, UsersModule, AuditModule],
  controllers: [OfficialsController],
  providers: [OfficialsRepository, OfficialsService],
})
export class OfficialsModule {}
