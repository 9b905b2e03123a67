import { Module } from '@nestjs/common';
import { LiveLogRepository } from './live-log.repository.js';
import { LiveLogService } from './live-log.service.js';

/** The live log on its own, so the games' result path can append to it without a module cycle. */
@Module({ providers: [LiveLogService, LiveLogRepository], exports: [LiveLogService] })
export class LiveLogModule {}
