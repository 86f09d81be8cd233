import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
} from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const magic = Buffer.from('CPBK1\n', 'ascii');
const ivLength = 12;
const tagLength = 16;

/** A stored backup file. */
export interface StoredBackup {
  /** File name inside the store. */
  path: string;
  sizeBytes: number;
  /** sha256 of the stored (encrypted) file, hex. */
  sha256: string;
}

/**
 * The backup store: a folder of AES-256-GCM encrypted files. A file is the
 * magic `CPBK1\n`, a random 12-byte IV, the ciphertext and the 16-byte GCM
 * authentication tag. Files appear under their final name only once complete.
 */
export class BackupStore {
  readonly keyId: string;

  constructor(
    private readonly options: { directory: string; encryptionKey: Buffer },
  ) {
    // Identifies the key without revealing it, so a restore can tell which key a backup needs.
    this.keyId = createHash('sha256')
      .update(options.encryptionKey)
      .digest('hex')
      .slice(0, 16);
  }

  /**
   * Encrypts `source` into the store as `path`. When `sourceDone` is given
   * (the producing process), the file is kept only if it succeeds too.
   */
  async write(options: {
    path: string;
    source: Readable;
    sourceDone?: Promise<void>;
  }): Promise<StoredBackup> {
    const target = join(this.options.directory, options.path);
    const partial = `${target}.partial`;
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv(
      'aes-256-gcm',
      this.options.encryptionKey,
      iv,
    );
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const header = Buffer.concat([magic, iv]);
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
      flush(done) {
        const tag = cipher.getAuthTag();
        hash.update(tag);
        sizeBytes += tag.length;
        done(null, tag);
      },
    });
    hash.update(header);
    sizeBytes += header.length;
    const out = createWriteStream(partial, { mode: 0o600 });
    out.write(header);
    try {
      const [written, produced] = await Promise.allSettled([
        pipeline(options.source, cipher, measure, out),
        options.sourceDone ?? Promise.resolve(),
      ]);
      if (written.status === 'rejected') throw written.reason;
      if (produced.status === 'rejected') throw produced.reason;
      await rename(partial, target);
    } catch (error) {
      // Leave no half-written file behind; a retry writes a new one.
      await rm(partial, { force: true });
      throw error;
    }
    return { path: options.path, sizeBytes, sha256: hash.digest('hex') };
  }

  /** The sha256 of a stored file, hex. */
  async checksum(path: string): Promise<string> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(join(this.options.directory, path)), hash);
    return hash.digest('hex');
  }

  /**
   * The decrypted content of a stored file. Verify its checksum first: GCM
   * authenticates only when the stream ends, so the stream errors then if
   * the file was altered.
   */
  async read(path: string): Promise<Readable> {
    const file = join(this.options.directory, path);
    const { size } = await stat(file);
    if (size < magic.length + ivLength + tagLength) {
      throw new Error(`backup file ${path} is truncated`);
    }
    const handle = await open(file, 'r');
    const head = Buffer.alloc(magic.length + ivLength);
    const tag = Buffer.alloc(tagLength);
    try {
      await handle.read(head, 0, head.length, 0);
      await handle.read(tag, 0, tagLength, size - tagLength);
    } finally {
      await handle.close();
    }
    if (!head.subarray(0, magic.length).equals(magic)) {
      throw new Error(`backup file ${path} is not a CarePath encrypted backup`);
    }
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.options.encryptionKey,
      head.subarray(magic.length),
    );
    decipher.setAuthTag(tag);
    const output = new PassThrough();
    pipeline(
      createReadStream(file, { start: head.length, end: size - tagLength - 1 }),
      decipher,
      output,
    ).catch(error => output.destroy(error));
    return output;
  }
}
