import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * PDF through LibreOffice, when it is installed (`libreoffice-writer` / `libreoffice-calc` from Debian). Each
 * conversion runs headless with its own user profile in a temporary directory, so conversions can run side by
 * side and never touch a desktop user's LibreOffice settings.
 */

const CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

let found: Promise<string | null> | null = null;

/** The LibreOffice binary (IZIS_SOFFICE overrides the search), or null when none is installed. */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.IZIS_SOFFICE) return isExecutable(env.IZIS_SOFFICE).then((ok) => (ok ? env.IZIS_SOFFICE! : null));
  found ??= (async () => {
    for (const candidate of CANDIDATES) if (await isExecutable(candidate)) return candidate;
    return null;
  })();
  return found;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class PdfUnavailableError extends Error {
  constructor() {
    super('LibreOffice is not installed');
  }
}

/**
 * Converts a .docx or .xlsx buffer to PDF. Throws PdfUnavailableError when LibreOffice is missing, and an
 * Error with LibreOffice's output when the conversion fails or takes longer than `timeoutMs`.
 */
export async function convertToPdf(
  input: Buffer,
  extension: 'docx' | 'xlsx',
  options: { timeoutMs?: number } = {},
): Promise<Buffer> {
  const soffice = await findLibreOffice();
  if (!soffice) throw new PdfUnavailableError();
  const dir = await mkdtemp(path.join(tmpdir(), 'izis-pdf-'));
  try {
    const source = path.join(dir, `document.${extension}`);
    await writeFile(source, input);
    const profile = `file://${path.join(dir, 'profile')}`;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          source,
        ],
        { timeout: options.timeoutMs ?? 120_000, env: { ...process.env, HOME: dir } },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`LibreOffice failed: ${error.message}\n${stdout}\n${stderr}`));
          else resolve();
        },
      );
    });
    return await readFile(path.join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
