import * as path from 'node:path';
import { FileKeyStore, SecretFile, type KeyStorageInfo, type KeyStore } from '../cloud/keyStore';

/** The part of Electron's `safeStorage` the key store uses (injected: this module never imports 'electron'). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux: `basic_text` means no keyring (a fixed password), which is no protection. */
  getSelectedStorageBackend?(): string;
}

/** The ciphertext file's name in the user-data dir. */
export const ENCRYPTED_KEY_FILE = 'swanlab-keys.enc.json';

/**
 * API keys encrypted with Electron `safeStorage` (Keychain, DPAPI, libsecret/kwallet), the
 * base64 ciphertexts in a 0600 file in userData. The plain key never touches the disk.
 * `plain` (the serve-mode key file, which may share the dir) is read for accounts added there,
 * and forgets an account removed here; nothing is written to it.
 */
export class SafeStorageKeyStore implements KeyStore {
  readonly file: string;
  private readonly secrets: SecretFile;

  constructor(private readonly safe: SafeStorageLike, dir: string, private readonly plain: FileKeyStore | null = null) {
    this.file = path.join(dir, ENCRYPTED_KEY_FILE);
    this.secrets = new SecretFile(this.file);
  }

  get storage(): KeyStorageInfo {
    return { kind: 'safeStorage', location: this.file };
  }

  save(accountId: string, key: string): Promise<void> {
    const sealed = this.safe.encryptString(key).toString('base64');
    return this.secrets.update((entries) => {
      entries[accountId] = sealed;
    });
  }

  async load(accountId: string): Promise<string | null> {
    const sealed = (await this.secrets.read())[accountId];
    if (!sealed) return this.plain ? this.plain.load(accountId) : null;
    try {
      return this.safe.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return null; // sealed by another user or keyring: the account must be added again
    }
  }

  async remove(accountId: string): Promise<void> {
    await this.secrets.update((entries) => {
      delete entries[accountId];
    });
    if (this.plain && (await this.plain.load(accountId)) !== null) await this.plain.remove(accountId);
  }
}

/** Whether `safe` really encrypts (a Linux session without a keyring does not). */
export function encryptionUsable(safe: SafeStorageLike): boolean {
  try {
    if (!safe.isEncryptionAvailable()) return false;
    return safe.getSelectedStorageBackend?.() !== 'basic_text';
  } catch {
    return false;
  }
}

/**
 * The desktop key store: safeStorage when it encrypts, else the 0600 plain file (what serve
 * mode uses), which `accounts.list` reports as `keyStorage.kind = 'file'` so the UI can say so.
 * Call after the app is ready (Linux answers isEncryptionAvailable only then).
 */
export function desktopKeyStore(safe: SafeStorageLike, userData: string): KeyStore {
  const plain = new FileKeyStore(userData);
  return encryptionUsable(safe) ? new SafeStorageKeyStore(safe, userData, plain) : plain;
}
