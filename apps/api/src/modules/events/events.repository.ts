import { Injectable } from '@nestjs/common';
import { DataSource, type DeepPartial, type Repository } from 'typeorm';
import { EventEntity } from './event.entity.js';

@Injectable()
export class EventsRepository {
  private readonly events: Repository<EventEntity>;

  constructor(dataSource: DataSource) {
    this.events = dataSource.getRepository(EventEntity);
  }

  findById(id: string): Promise<EventEntity | null> {
    return this.events.findOne({ where: { id }, relations: { venue: true } });
  }

  findBySeason(seasonId: string): Promise<EventEntity[]> {
    return this.events.find({
      where: { seasonId },
      relations: { venue: true },
      order: { startDate: 'ASC', endDate: 'ASC', name: 'ASC' },
    });
  }

  async insert(event: DeepPartial<EventEntity>): Promise<EventEntity> {
    const saved = await this.events.save(this.events.create(event));
    return (await this.findById(saved.id)) ?? saved;
  }
}
