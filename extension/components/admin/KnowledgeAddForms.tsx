import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { AddKnowledgeSourceRequest, KnowledgeSource } from '@vfc/shared';
import type { ApiResult } from '../../lib/api-client';
import type { AdminApi } from '../../lib/messages';
import { Field } from '../Field';
import { failureErrors, FILE_ACCEPT, fileUploadType, issueErrors, textSourceRequest, urlSourceRequest, type KnowledgeErrors } from './knowledge';
import { fileProblemText, uploadStageText } from './knowledge-text';
import { uploadKnowledgeFile, type UploadStage } from './knowledge-upload';

type Api = Pick<AdminApi, 'addKnowledgeSource' | 'createKnowledgeUpload'>;
const NO_ERRORS: KnowledgeErrors = { fields: {} };

/** Shared by the forms: `onAdded` after the API stored a source (the section reloads its list). */
interface FormProps {
  api: Api;
  onAdded: (source: KnowledgeSource) => void;
}

function GeneralError(props: { errors: KnowledgeErrors; testId: string }) {
  return props.errors.general ? (
    <p className="vfc-error" role="alert" data-testid={props.testId}>
      {props.errors.general}
    </p>
  ) : null;
}

/** Sends a checked body; answers the errors to show (none on success). */
async function add(api: Api, body: AddKnowledgeSourceRequest, onAdded: FormProps['onAdded'], sizeField: 'text' | 'url'): Promise<KnowledgeErrors> {
  const result: ApiResult<KnowledgeSource> = await api.addKnowledgeSource(body);
  if (!result.ok) return failureErrors(result, sizeField);
  onAdded(result.data);
  return NO_ERRORS;
}

/** "Add a text": a title (≤ 120 characters) and the text (≤ 50,000), checked here and by the API. */
export function KnowledgeTextForm(props: FormProps) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<KnowledgeErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);

  async function submit() {
    const checked = textSourceRequest(title, text);
    if (!checked.ok) return setErrors(issueErrors(checked.issues));
    setSaving(true);
    const found = await add(props.api, checked.body, props.onAdded, 'text');
    setSaving(false);
    setErrors(found);
    if (!found.general && Object.keys(found.fields).length === 0) {
      setTitle('');
      setText('');
    }
  }

  return (
    <form
      noValidate
      aria-busy={saving}
      aria-labelledby="vfc-knowledge-text-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="vfc-knowledge-text-heading">{i18n.t('knowledge.addTextHeading')}</h3>
      <Field id="vfc-knowledge-title" label={i18n.t('knowledge.title')} required error={errors.fields.title}>
        {(control) => <input {...control} type="text" maxLength={120} value={title} disabled={saving} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field id="vfc-knowledge-text" label={i18n.t('knowledge.text')} hint={i18n.t('knowledge.textHint')} required error={errors.fields.text}>
        {(control) => <textarea {...control} rows={6} value={text} disabled={saving} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <GeneralError errors={errors} testId="knowledge-text-failure" />
      <button type="submit" className="vfc-primary" disabled={saving}>
        {saving ? i18n.t('knowledge.adding') : i18n.t('knowledge.addText')}
      </button>
    </form>
  );
}

/** "Add a web page": an `https://` address the provider reads. */
export function KnowledgeUrlForm(props: FormProps) {
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<KnowledgeErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);

  async function submit() {
    const checked = urlSourceRequest(url);
    if (!checked.ok) return setErrors(issueErrors(checked.issues));
    setSaving(true);
    const found = await add(props.api, checked.body, props.onAdded, 'url');
    setSaving(false);
    setErrors(found);
    if (!found.general && Object.keys(found.fields).length === 0) setUrl('');
  }

  return (
    <form
      noValidate
      aria-busy={saving}
      aria-labelledby="vfc-knowledge-url-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="vfc-knowledge-url-heading">{i18n.t('knowledge.addUrlHeading')}</h3>
      <Field id="vfc-knowledge-url" label={i18n.t('knowledge.url')} hint={i18n.t('knowledge.urlHint')} required error={errors.fields.url}>
        {(control) => (
          <input {...control} type="url" inputMode="url" placeholder="https://" value={url} disabled={saving} onChange={(e) => setUrl(e.target.value)} />
        )}
      </Field>
      <GeneralError errors={errors} testId="knowledge-url-failure" />
      <button type="submit" className="vfc-primary" disabled={saving}>
        {saving ? i18n.t('knowledge.adding') : i18n.t('knowledge.addUrl')}
      </button>
    </form>
  );
}

/**
 * "Add a document": a file input, and a drop zone that is a focusable button (Enter or Space opens the file picker;
 * dropping a file uploads it). The file is checked here (type by extension, ≤ 5 MB), then uploaded
 * (lib: knowledge-upload.ts) with the step shown while it runs.
 */
export function KnowledgeFileForm(props: FormProps & { fetchFn?: Parameters<typeof uploadKnowledgeFile>[4] }) {
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<KnowledgeErrors>(NO_ERRORS);
  const [stage, setStage] = useState<UploadStage | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const busy = stage !== undefined;

  async function upload(file: File | undefined) {
    if (!file || busy) return;
    const type = fileUploadType(file);
    if (!type.ok) return setErrors({ fields: { file: fileProblemText(type.problem) } });
    setErrors(NO_ERRORS);
    const result = await uploadKnowledgeFile(props.api, file, type.contentType, setStage, props.fetchFn);
    setStage(undefined);
    if (input.current) input.current.value = '';
    if (!result.ok) return setErrors(failureErrors(result, 'file'));
    props.onAdded(result.data);
  }

  return (
    <div role="group" aria-labelledby="vfc-knowledge-file-heading" aria-busy={busy}>
      <h3 id="vfc-knowledge-file-heading">{i18n.t('knowledge.addFileHeading')}</h3>
      <Field id="vfc-knowledge-file" label={i18n.t('knowledge.file')} hint={i18n.t('knowledge.fileHint')} error={errors.fields.file} errorLabel="">
        {(control) => (
          <input {...control} ref={input} type="file" accept={FILE_ACCEPT} disabled={busy} onChange={(e) => void upload(e.target.files?.[0])} />
        )}
      </Field>
      <button
        type="button"
        className={dragging ? 'vfc-dropzone vfc-dropzone-active' : 'vfc-dropzone'}
        data-testid="knowledge-dropzone"
        aria-describedby="vfc-knowledge-file-hint"
        disabled={busy}
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void upload(event.dataTransfer?.files?.[0]);
        }}
      >
        {i18n.t('knowledge.dropZone')}
      </button>
      <p role="status" aria-live="polite" data-testid="knowledge-upload-status">
        {stage ? uploadStageText(stage) : ''}
      </p>
      <GeneralError errors={errors} testId="knowledge-file-failure" />
    </div>
  );
}
