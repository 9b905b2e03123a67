import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { RalliesModule } from '../rallies/rallies.module.js';
import { LegTrackCache } from './leg-track-cache.js';
import { trackFileBody } from './track-file-body.js';
import { TrackImportsController } from './track-imports.controller.js';
import { TrackerTokensController } from './tracker-tokens.controller.js';
import { TrackingController } from './tracking.controller.js';
import { TrackingEvents } from './tracking.events.js';
import { TrackingRepository } from './tracking.repository.js';
import { TrackingService } from './tracking.service.js';
import { TrackingStreamsService } from './tracking-streams.service.js';

/** Rally tracking: positions in (feeds, tracker tokens, files), progress and tracks out, and a live stream of changes. */
@Module({
  imports: [RalliesModule],
  controllers: [TrackingController, TrackerTokensController, TrackImportsController],
  providers: [TrackingService, TrackingRepository, TrackingEvents, LegTrackCache, TrackingStreamsService],
  exports: [TrackingService, TrackingEvents],
})
export class TrackingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(trackFileBody)
      .forRoutes({ path: 'rallies/:id/entries/:entryId/track-imports', method: RequestMethod.POST });
  }
}
