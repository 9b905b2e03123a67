import { ApiProperty } from '@nestjs/swagger';
import { REGISTRATION_MODES, type RegistrationMode } from '../../events/event.entity.js';

export class RegistrationSummaryDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Maximum confirmed teams; null = unlimited' }) capacity:
    number | null;
  @ApiProperty({ enum: REGISTRATION_MODES }) registrationMode: RegistrationMode;
  @ApiProperty() confirmed: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() pending: number;
  @ApiProperty() rejected: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null = unlimited' }) placesLeft: number | null;
  @ApiProperty({ description: 'People on confirmed rosters' }) participants: number;
  @ApiProperty({ nullable: true, type: Number }) participantTarget: number | null;
  @ApiProperty({ description: 'Whether team managers may register now (the window, if set, is open)' })
  registrationOpen: boolean;
  @ApiProperty({ nullable: true, type: String }) registrationOpensAt: string | null;
  @ApiProperty({ nullable: true, type: String }) registrationClosesAt: string | null;
}

export class DivisionParticipationDto {
  @ApiProperty({ format: 'uuid' }) divisionId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) cityEn: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Maximum confirmed teams; null = unlimited' }) capacity:
    number | null;
  @ApiProperty() confirmedTeams: number;
  @ApiProperty({ description: 'People on confirmed rosters' }) participants: number;
}

export class CityParticipationDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The division's city, else the team's; null when neither is known",
  })
  city: string | null;
  @ApiProperty({ nullable: true, type: String }) cityEn: string | null;
  @ApiProperty() confirmedTeams: number;
  @ApiProperty({ description: 'People on confirmed rosters' }) participants: number;
  @ApiProperty({ description: 'participants / the season’s participants (0 when there are none)' })
  shareOfSeason: number;
}

export class EventParticipationDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ nullable: true, type: String }) slug: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty() confirmedTeams: number;
  @ApiProperty({ description: 'People on confirmed rosters' }) participants: number;
  @ApiProperty({ nullable: true, type: Number }) participantTarget: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'participants / participantTarget' }) shareOfTarget:
    number | null;
  @ApiProperty({
    type: [DivisionParticipationDto],
    description: 'Per division ([] for an event without divisions); they add up to the event’s figures',
  })
  divisions: DivisionParticipationDto[];
}

export class ParticipationDto {
  @ApiProperty({ format: 'uuid' }) seasonId: string;
  @ApiProperty() seasonName: string;
  @ApiProperty({ nullable: true, type: String }) seasonNameEn: string | null;
  @ApiProperty() confirmedTeams: number;
  @ApiProperty({ description: 'People on confirmed rosters over all the season’s events' }) participants: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The season’s participant target (6,000 for 2023)' })
  participantTarget: number | null;
  @ApiProperty({ nullable: true, type: Number }) shareOfTarget: number | null;
  @ApiProperty({ type: [EventParticipationDto] }) events: EventParticipationDto[];
  @ApiProperty({
    type: [CityParticipationDto],
    description: 'Per city over every event; they add up to the season’s figures',
  })
  cities: CityParticipationDto[];
}
