/** Offers bytes to the user as a file download (the shell decides where it is saved). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer> | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
