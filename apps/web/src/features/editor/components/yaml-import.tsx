import { strFromU8, unzipSync } from 'fflate';
import { useId, useState } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { Link } from 'wouter';
import { StaffError } from '../../../components/staff/staff-error';
import { useBusyAction } from '../../../lib/use-busy-action';
import { ApiError } from '../../../lib/api/api-client';
import { type ImportResult, importFiles, type Problem } from '../api/editor-api';
import { ProblemList } from './problem-list';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The course's YAML files from a ZIP (as exported, or zipped from the repository folder): the folder holding
 * course.yaml is the course, whatever it is called inside the archive. Files are read here and sent as text.
 */
export function filesFromZip(zip: Uint8Array): Record<string, string> {
  const entries = unzipSync(zip, { filter: (file) => /\.ya?ml$/.test(file.name) && file.originalSize <= MAX_FILE_BYTES });
  const course = Object.keys(entries).filter((path) => /(^|\/)course\.yaml$/.test(path)).sort((a, b) => a.length - b.length)[0];
  const prefix = course ? course.slice(0, -'course.yaml'.length) : '';
  const files: Record<string, string> = {};
  for (const [path, bytes] of Object.entries(entries)) if (path.startsWith(prefix)) files[path.slice(prefix.length)] = strFromU8(bytes);
  return files;
}

/** Import a version's YAML files into the course's draft (created when there is none). */
export function YamlImport({ courseId, onImported }: { courseId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useBusyAction();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [refused, setRefused] = useState<Problem[]>([]);
  const upload = (file: File) => run(async () => {
    setResult(null);
    setRefused([]);
    try {
      setResult(await importFiles(courseId, filesFromZip(new Uint8Array(await file.arrayBuffer()))));
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DRAFT_INVALID') setRefused((e.details?.problems ?? []) as Problem[]);
      throw e;
    }
  });
  return (
    <div className="yaml-import">
      <label htmlFor={`${id}-zip`}>{t('editor.files.import')}</label>
      <input id={`${id}-zip`} type="file" accept=".zip,application/zip" disabled={busy}
        onChange={(e) => { const file = e.target.files?.[0]; if (file) void upload(file); e.target.value = ''; }} />
      <p className="hint">{t('editor.files.importHint')}</p>
      <StaffError error={error} />
      {refused.length > 0 && <ProblemList versionId="" problems={refused} />}
      {result && (
        <div role="status">
          <p>{result.report.valid ? t('editor.files.importedReady') : t('editor.files.importedProblems', { count: result.report.problems.length })}</p>
          <Link to={`/editor/${result.version.id}`}>{t('editor.home.openDraft')}</Link>
        </div>
      )}
    </div>
  );
}
