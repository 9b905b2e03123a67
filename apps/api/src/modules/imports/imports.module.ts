import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({ imports: [EventsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
