import { createHash } from 'node:crypto';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  /** OSS's ETag of a simple upload: the upper-case hex MD5 of the body. */
  etag: string;
}

/** The objects of the emulated OSS bucket, by key. */
export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();

  put(key: string, body: Buffer, contentType: string): StoredObject {
    const object = { body, contentType, etag: createHash('md5').update(body).digest('hex').toUpperCase() };
    this.objects.set(key, object);
    return object;
  }

  get(key: string): StoredObject | undefined {
    return this.objects.get(key);
  }

  keys(): string[] {
    return [...this.objects.keys()];
  }

  delete(key: string): boolean {
    return this.objects.delete(key);
  }
}
