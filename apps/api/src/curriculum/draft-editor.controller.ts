import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ItemKind } from '#curriculum';
import { ContentEditor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ItemKeyPipe } from '../common/item-key.pipe.js';
import { ImportResultDto } from './authoring.dto.js';
import { AuthoringService } from './authoring.service.js';
import { CourseFilesService } from './course-files.service.js';
import { ConfirmTranslationDto, DraftEditorDto, ImportFilesDto, SaveItemDto, SavedItemDto, TextEditDto } from './draft-editor.dto.js';
import { DraftEdits } from './draft-edits.service.js';
import { ItemKindPipe } from './item-kind.pipe.js';

// `kind` is typed string in the signatures: a string-literal union has no runtime type, and the OpenAPI document must
// list the parameter the same way under tsc and under the test transpiler.
/** The browser editor's routes: the draft with its edit metadata, item saves with conflict detection, YAML files in and out. */
@ApiTags('authoring')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller()
export class DraftEditorController {
  constructor(
    private readonly authoring: AuthoringService,
    private readonly drafts: DraftEdits,
    private readonly files: CourseFilesService,
  ) {}

  @ContentEditor()
  @Get('course-versions/:versionId/editor')
  @ApiOkResponse({ type: DraftEditorDto })
  editor(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<DraftEditorDto> {
    return this.authoring.editor(versionId);
  }

  @ContentEditor()
  @Put('course-versions/:versionId/items/:kind/:itemKey')
  @ApiOkResponse({ type: SavedItemDto, description: '409 DRAFT_ITEM_CONFLICT (details: the current revision and value) when another editor saved it first' })
  saveItem(
    @CurrentUser() actor: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Param('kind', ItemKindPipe) kind: string,
    @Param('itemKey', ItemKeyPipe) itemKey: string, @Body() dto: SaveItemDto,
  ): Promise<SavedItemDto> {
    return this.drafts.saveItem(versionId, kind as ItemKind, itemKey, dto, actor.id); // kind checked by ItemKindPipe
  }

  @ContentEditor()
  @Post('course-versions/:versionId/items/:kind/:itemKey/confirm-translation')
  @HttpCode(200)
  @ApiOkResponse({ type: TextEditDto, description: 'A stale language still says the same as the other one' })
  confirmTranslation(
    @Param('versionId', ParseUUIDPipe) versionId: string, @Param('kind', ItemKindPipe) kind: string,
    @Param('itemKey', ItemKeyPipe) itemKey: string, @Body() dto: ConfirmTranslationDto,
  ): Promise<TextEditDto> {
    return this.drafts.confirmTranslation(versionId, kind as ItemKind, itemKey, dto); // kind checked by ItemKindPipe
  }

  @Get('course-versions/:versionId/export.zip')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'ZIP: the version as the repository holds it (<course>/course.yaml, modules/, assessments/, scenarios/)' })
  async export(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<StreamableFile> {
    const { zip, fileName } = await this.files.export(versionId);
    return new StreamableFile(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), { type: 'application/zip', disposition: `attachment; filename="${fileName}"` });
  }

  @ContentEditor()
  @Post('courses/:courseId/import')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto, description: 'The draft now holds the files; the report lists what still blocks publishing' })
  import(@CurrentUser() actor: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string, @Body() dto: ImportFilesDto): Promise<ImportResultDto> {
    return this.files.import(courseId, dto.files, actor.id);
  }
}
