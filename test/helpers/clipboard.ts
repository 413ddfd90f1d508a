/**
 * The clipboard for one test: `writeText` records what is copied (or refuses, as a browser does
 * when the page may not write) while `run` runs, and is the browser's own again after it.
 */
export async function withClipboard<T>(run: (copied: string[]) => Promise<T>, options: { denied?: boolean } = {}): Promise<T> {
  const original = navigator.clipboard.writeText;
  const copied: string[] = [];
  navigator.clipboard.writeText = async (text: string) => {
    if (options.denied) throw new DOMException('denied', 'NotAllowedError');
    copied.push(text);
  };
  try {
    return await run(copied);
  } finally {
    navigator.clipboard.writeText = original;
  }
}
