import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Called once per chosen or dropped file, with its name and bytes (never a path). */
  onFiles: (files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) => void;
  accept?: string;
  label: string;
  busy?: boolean;
}

async function read(list: FileList | null): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  if (!list) return [];
  return Promise.all(Array.from(list).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Drop files here or pick them with the system dialog; many at once. */
export function DropZone({ onFiles, accept = 'audio/*,video/*,.wav,.flac,.mp3,.m4a,.ogg,.opus,.webm', label, busy }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFiles(await read(e.dataTransfer.files));
  };
  return (
    <div
      className={over ? 'dropzone over' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void drop(e)}
      data-testid="dropzone"
    >
      <p>{busy ? t('files.importing') : label}</p>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        {t('files.choose')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        className="visually-hidden"
        aria-label={t('files.choose')}
        data-testid="file-input"
        onChange={(e) => {
          const files = e.target.files;
          void read(files).then((f) => {
            onFiles(f);
            e.target.value = '';
          });
        }}
      />
    </div>
  );
}
