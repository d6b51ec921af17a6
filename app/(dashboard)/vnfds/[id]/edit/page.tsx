import { VnfdEditorPage } from '@/components/vnfds/vnfd-editor';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VnfdEditorPage vnfdId={id} />;
}
