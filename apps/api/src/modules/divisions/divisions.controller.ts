import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { IdParam } from '../../common/id-param.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { DivisionsService } from './divisions.service.js';
import { CreateDivisionDto, DivisionDto } from './dto/division.dto.js';

@ApiTags('divisions')
@Controller('events/:id/divisions')
export class DivisionsController {
  constructor(private readonly divisions: DivisionsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The event’s divisions (age group × gender, perhaps by city) with confirmed teams and places left; [] for an event without divisions',
  })
  @ApiOkResponse({ type: [DivisionDto] })
  list(@IdParam('event') eventId: string): Promise<DivisionDto[]> {
    return this.divisions.list(eventId);
  }

  @Get(':division')
  @ApiOperation({ summary: 'One division, by id or code' })
  @ApiOkResponse({ type: DivisionDto })
  get(@IdParam('event') eventId: string, @Param('division') division: string): Promise<DivisionDto> {
    return this.divisions.get(eventId, division);
  }

  @Post()
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a division (organizers). Once an event has divisions, every registration names one' })
  @ApiCreatedResponse({ type: DivisionDto })
  create(@IdParam('event') eventId: string, @Body() body: CreateDivisionDto): Promise<DivisionDto> {
    return this.divisions.create(eventId, body);
  }

  @Delete(':division')
  @Roles('organizer')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a division that no registration or game names (409 otherwise)' })
  @ApiNoContentResponse()
  async remove(@IdParam('event') eventId: string, @Param('division') division: string): Promise<void> {
    await this.divisions.remove(eventId, division);
  }
}
