import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles, SignedIn } from '../../common/auth.js';
import {
  AwaitingDecisionDto,
  CreateRegistrationDto,
  ListRegistrationsQueryDto,
  NotificationDto,
  RegistrationDto,
  RegistrationPageDto,
  UpdateRegistrationDto,
  WithdrawalRequestInputDto,
} from './dto/registration.dto.js';
import { RegistrationReadsService } from './registration-reads.service.js';
import { RegistrationsService } from './registrations.service.js';

@ApiTags('registrations')
@ApiExtraModels(RegistrationDto, RegistrationPageDto)
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly reads: RegistrationReadsService,
  ) {}

  @Post('events/:id/registrations')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Register a team (its manager or an organizer)',
    description:
      'Status: confirmed (organizer, or first-come within capacity), pending (approval mode, team manager), waitlisted (capacity reached). ' +
      'Outside the registration window or the roster limits: 422 for team managers; organizers override (recorded in the audit log).',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  register(
    @IdParam('event') eventId: string,
    @Body() body: CreateRegistrationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RegistrationDto> {
    return this.registrations.register(eventId, body, caller);
  }

  @Get('events/:id/registrations')
  @ApiOperation({
    summary: 'An event’s registrations, oldest first; rosters only for the team’s manager and organizers',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { type: 'array', items: { $ref: getSchemaPath(RegistrationDto) } },
        { $ref: getSchemaPath(RegistrationPageDto) },
      ],
    },
  })
  list(
    @IdParam('event') eventId: string,
    @Query() query: ListRegistrationsQueryDto,
    @CurrentCaller() caller: Caller | undefined,
  ): Promise<RegistrationDto[] | RegistrationPageDto> {
    return this.reads.listForEvent(eventId, query, caller);
  }

  // Before `registrations/:id`, which would otherwise take this path as an id.
  @Get('registrations/awaiting-decision')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'What waits for an organizer: pending registrations and withdrawal requests (the header badge)',
  })
  @ApiOkResponse({ type: AwaitingDecisionDto })
  awaitingDecision(): Promise<AwaitingDecisionDto> {
    return this.registrations.awaitingDecision();
  }

  @Get('registrations/:id')
  @ApiOkResponse({ type: RegistrationDto })
  get(@IdParam('registration') id: string, @CurrentCaller() caller: Caller | undefined): Promise<RegistrationDto> {
    return this.reads.get(id, caller);
  }

  @Patch('registrations/:id')
  @HttpCode(200)
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change a registration’s status',
    description:
      'Organizers confirm (409 when the event is full), waitlist (pending only), reject; the team’s manager may only withdraw (403 otherwise). ' +
      'Rejected and withdrawn are final (409). A place freed by a confirmed registration goes to the oldest waitlisted one. ' +
      'A team manager cannot withdraw a confirmed team that has played games: 409 with code `registration.withdrawal-needs-approval` ' +
      '(nothing changes); ask with POST /registrations/:id/withdrawal-request, which an organizer approves with this PATCH (status withdrawn).',
  })
  @ApiOkResponse({ type: RegistrationDto })
  update(
    @IdParam('registration') id: string,
    @Body() body: UpdateRegistrationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RegistrationDto> {
    return this.registrations.changeStatus(id, body, caller);
  }

  @Post('registrations/:id/withdrawal-request')
  @HttpCode(200)
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Ask an organizer to withdraw a team that has played games',
    description:
      'The registration stays confirmed, with `withdrawalRequestedAt` set, until an organizer approves (PATCH status withdrawn) or declines ' +
      '(DELETE …/withdrawal-request). 409 `registration.withdrawal-not-needed` when the team has played no games or is not confirmed (withdraw directly), ' +
      '`registration.withdrawal-already-requested` when a request is waiting.',
  })
  @ApiOkResponse({ type: RegistrationDto })
  requestWithdrawal(
    @IdParam('registration') id: string,
    @Body() body: WithdrawalRequestInputDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RegistrationDto> {
    return this.registrations.requestWithdrawal(id, body, caller);
  }

  @Delete('registrations/:id/withdrawal-request')
  @HttpCode(200)
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Decline a withdrawal request (organizer): the team stays confirmed',
    description: '409 `registration.no-withdrawal-request` when none is waiting.',
  })
  @ApiOkResponse({ type: RegistrationDto })
  declineWithdrawal(
    @IdParam('registration') id: string,
    @Body() body: WithdrawalRequestInputDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RegistrationDto> {
    return this.registrations.declineWithdrawal(id, body ?? {}, caller);
  }

  @Get('me/registrations')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Registrations of the teams I manage, newest first, with rosters' })
  @ApiOkResponse({ type: [RegistrationDto] })
  mine(@CurrentCaller() caller: Caller): Promise<RegistrationDto[]> {
    return this.reads.mine(caller);
  }

  @Get('me/notifications')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Status changes of my teams’ registrations, newest first (latest 200)' })
  @ApiOkResponse({ type: [NotificationDto] })
  notifications(@CurrentCaller() caller: Caller): Promise<NotificationDto[]> {
    return this.reads.notifications(caller);
  }
}
