// What goes with a deleted VNF: its inline VNFD (created for it from `vnfd_template`).
import type { Tx } from '../db';
import type { VnfRow } from './view';

export async function deletedVnfCleanup(tx: Tx, vnf: VnfRow) {
  await tx.vnfd.updateMany({ where: { id: vnf.vnfdId, templateSource: 'inline', deletedAt: null }, data: { deletedAt: new Date() } });
}
