import { Injectable } from '@nestjs/common';
import type { EventEntity } from './event.entity.js';

/** An event's registration settings before and after one PATCH, read under the event's row lock. */
export type EventSettingsChange = { before: EventEntity; after: EventEntity };

/**
 * What another module does when an event's settings change, in the same transaction: `check` may refuse
 * the change (throw a problem) before anything is written, `apply` follows it up (the waitlist promotion).
 */
export type EventSettingsHook = {
  check?: (change: EventSettingsChange) => Promise<void>;
  apply?: (change: EventSettingsChange) => Promise<void>;
};

/**
 * Lets modules that depend on events (registrations, matches) take part in a settings change without
 * events depending on them. Hooks run in the order registered, which is module initialisation order:
 * a module's dependencies first (registrations before matches).
 */
@Injectable()
export class EventSettingsHooks {
  private readonly hooks: EventSettingsHook[] = [];

  register(hook: EventSettingsHook): void {
    this.hooks.push(hook);
  }

  async check(change: EventSettingsChange): Promise<void> {
    for (const hook of this.hooks) await hook.check?.(change);
  }

  async apply(change: EventSettingsChange): Promise<void> {
    for (const hook of this.hooks) await hook.apply?.(change);
  }
}
