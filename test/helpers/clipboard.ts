/**
 * The clipboard in tests: `writeText` records what is copied (or refuses, as a browser does when
 * the page may not write), and is the browser's own again afterwards.
 */
interface ClipboardOptions {
  /** Refuse every write with `NotAllowedError` (read when the page writes). */
  denied?: boolean;
}

function install(copied: string[], options: ClipboardOptions): () => void {
  const original = navigator.clipboard.writeText;
  navigator.clipboard.writeText = async (text: string) => {
    if (options.denied) throw new DOMException('denied', 'NotAllowedError');
    copied.push(text);
  };
  return () => {
    navigator.clipboard.writeText = original;
  };
}

/** The clipboard for one test: records while `run` runs. */
export async function withClipboard<T>(run: (copied: string[]) => Promise<T>, options: ClipboardOptions = {}): Promise<T> {
  const copied: string[] = [];
  const restore = install(copied, options);
  try {
    return await run(copied);
  } finally {
    restore();
  }
}

/**
 * The clipboard for every test of the `describe` block this is called in: `copied` starts empty
 * in each test, and a test that sets `denied` is refused from then on.
 */
export function useClipboard(): { copied: string[]; denied: boolean } {
  const state = { copied: [] as string[], denied: false };
  let restore = () => {};
  beforeEach(() => {
    state.copied.length = 0;
    state.denied = false;
    restore = install(state.copied, state);
  });
  afterEach(() => restore());
  return state;
}
