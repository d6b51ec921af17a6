import { Suspense } from 'react';
import { VnfdDetail } from '@/components/vnfds/vnfd-detail';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <VnfdDetail id={id} />
    </Suspense>
  );
}
