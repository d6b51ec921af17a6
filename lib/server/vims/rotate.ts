// Key rotation: every stored VIM secret re-encrypted under a new key, in one transaction.
import { db } from '../db';
import { decryptSecret, encryptSecret, type SecretKey } from '../secrets';

/** Returns how many secrets were re-encrypted. Throws (and changes nothing) if one cannot be read. */
export async function reencryptVimSecrets(oldKeys: SecretKey[], newKey: SecretKey): Promise<number> {
  return db().$transaction(async (tx) => {
    const rows = await tx.vim.findMany({ where: { secretEnc: { not: '' } }, select: { id: true, secretEnc: true } });
    for (const row of rows) {
      let plain: string;
      try {
        plain = decryptSecret(row.secretEnc, [...oldKeys, newKey]);
      } catch (e) {
        throw new Error(`VIM ${row.id}: ${(e as Error).message}; nothing was changed`);
      }
      await tx.vim.update({ where: { id: row.id }, data: { secretEnc: encryptSecret(plain, newKey) } });
    }
    return rows.length;
  });
}
