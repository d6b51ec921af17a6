import { VimDetail } from '@/components/vims/vim-detail';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <VimDetail id={id} />;
}
