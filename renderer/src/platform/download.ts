// Hands a file to the browser's (or Electron's) download, which saves it where the learner chooses.

export function offerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked late: a large file may still be handed over after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
