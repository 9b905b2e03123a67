import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus.js';

/**
 * Owns the replica's only LISTEN connection. Features subscribe to the bus; none opens its own.
 * `listenUrl: null` (the OpenAPI writer) builds the bus without connecting.
 */
@Module({})
export class NotifyModule {
  static forRoot(listenUrl: string | null): DynamicModule {
    return {
      module: NotifyModule,
      global: true,
      providers: [{ provide: NotificationBus, useFactory: () => new NotificationBus(listenUrl) }],
      exports: [NotificationBus],
    };
  }
}
