import { VnfdEditorPage } from '@/components/vnfds/vnfd-editor';

export default function Page() {
  return <VnfdEditorPage vnfdId={null} />;
}
