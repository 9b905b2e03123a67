import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { VenueDto } from './dto/venue.dto.js';
import { VenuesService } from './venues.service.js';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get()
  @ApiOkResponse({ type: [VenueDto] })
  list(): Promise<VenueDto[]> {
    return this.venues.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: VenueDto })
  get(@Param('id') id: string): Promise<VenueDto> {
    return this.venues.get(id);
  }
}
