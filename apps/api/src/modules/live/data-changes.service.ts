import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NotificationBus } from '../../common/notify/notification-bus.js';
import { SSE_HEARTBEAT_MS, SSE_KEEP_ALIVE, type StreamSink } from '../../common/sse.js';

const CHANGE = 'event: change\ndata: {}\n\n';

/**
 * Tells page caches (the web servers) that public data changed: one message per committed change,
 * and one on connecting and after the listener reconnects, when changes may have been missed.
 * Carries no data; a cache that hears it renders anew.
 */
@Injectable()
export class DataChangesService implements OnModuleInit, OnModuleDestroy {
  private readonly sinks = new Set<StreamSink>();
  private stops: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly bus: NotificationBus) {}

  onModuleInit(): void {
    this.stops = [
      this.bus.subscribe((n) => {
        if (n.t === 'data') this.broadcast(CHANGE);
      }),
      this.bus.onResync(() => this.broadcast(CHANGE)),
    ];
    this.timer = setInterval(() => this.broadcast(SSE_KEEP_ALIVE), SSE_HEARTBEAT_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    for (const stop of this.stops) stop();
    clearInterval(this.timer);
    for (const sink of this.sinks) sink.close();
  }

  /** Attaches a listener of changes; returns the function that detaches it. */
  open(sink: StreamSink): () => void {
    this.sinks.add(sink);
    sink.write(CHANGE);
    return () => this.sinks.delete(sink);
  }

  private broadcast(frame: string): void {
    for (const sink of this.sinks) sink.write(frame);
  }
}
