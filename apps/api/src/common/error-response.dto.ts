import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' }) code: ErrorCode;
  @ApiProperty({ example: 'email must be an email' }) message: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'e.g. { problems: [{ path, message }] } or { fields: [...] }' }) details?: Record<string, unknown>;
}
