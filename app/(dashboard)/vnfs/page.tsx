import { VnfsPage } from '@/components/vnfs/vnfs-page';

export default function Page() {
  return <VnfsPage />;
}
