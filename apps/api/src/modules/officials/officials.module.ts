import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { OfficialsController } from './officials.controller.js';
import { OfficialsRepository } from './officials.repository.js';
import { OfficialsService } from './officials.service.js';

@Module({
  imports: [EventsModule],
  controllers: [OfficialsController],
  providers: [OfficialsRepository, OfficialsService],
})
export class OfficialsModule {}
