/** Wizard step 1: the file, dropped or chosen, sent to the server with its progress shown. */
import { Alert, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { apiUrl, csrfHeaders } from '../../app/api-client.js';
import { useLang, useT } from '../../app/i18n.js';
import type { FilePreview } from './preview-step.js';

const m = {
  'zh-CN': { drop: '点击或拖拽文件到此处上传', hint: '支持 CSV / TSV（任意常见编码，如 GBK、UTF-8）、Excel (XLSX) 和 Parquet；上传后先预览，确认映射后才导入', failed: '上传失败' },
  en: { drop: 'Click or drop a file here to upload', hint: 'CSV / TSV in any common encoding (GBK, UTF-8 …), Excel (XLSX) and Parquet; you preview it and check the mapping before anything is imported', failed: 'Upload failed' },
} as const;

type Answer = FilePreview & { code?: string; message?: string };

export function UploadStep({ onUploaded }: { onUploaded: (p: FilePreview) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const [files, setFiles] = useState<UploadFile<Answer>[]>([]);
  const [error, setError] = useState<string | null>(null);
  const onChange: UploadProps<Answer>['onChange'] = ({ file, fileList }) => {
    setFiles(fileList.slice(-1));
    if (file.status === 'uploading') setError(null);
    if (file.status === 'done' && file.response) onUploaded(file.response);
    if (file.status === 'error') setError(file.response?.message ?? (file.error instanceof Error ? file.error.message : t('failed')));
  };
  return (
    <div data-testid="upload-step">
      <Upload.Dragger name="file" action={apiUrl('/api/uploads', {}, lang)} headers={csrfHeaders()} multiple={false} fileList={files} onChange={onChange} showUploadList={{ showRemoveIcon: false }} data-testid="upload-dragger">
        <p className="ant-upload-text" style={{ paddingTop: 24 }}>{t('drop')}</p>
        <p className="ant-upload-hint" style={{ paddingBottom: 24 }}>{t('hint')}</p>
      </Upload.Dragger>
      {error !== null && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="upload-error" />}
    </div>
  );
}
