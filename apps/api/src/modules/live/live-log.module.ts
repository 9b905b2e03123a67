import { Module } from '@nestjs/common';
import { LiveLogRepository } from './live-log.repository.js';

/** The live log on its own, so the games' result path can append to it without a module cycle. */
@Module({ providers: [LiveLogRepository], exports: [LiveLogRepository] })
export class LiveLogModule {}
