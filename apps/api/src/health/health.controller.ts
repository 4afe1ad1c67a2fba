import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DatabasePool } from '../database/database-pool.js';
import { Public } from '../auth/auth.decorators.js';
import { AppException } from '../common/app-exception.js';

class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabasePool) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async check(): Promise<HealthDto> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new AppException(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable.');
    }
    return { status: 'ok' };
  }
}
