import { VnfDetail } from '@/components/vnfs/vnf-detail';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VnfDetail id={id} />;
}
